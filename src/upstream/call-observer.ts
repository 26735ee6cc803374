import type { OnUpstreamAttempt } from './attempt-observer.ts';

/** Watches the upstream calls of one client (one GraphQL request): logs, metrics, spans. */
export interface UpstreamCallObserver {
  /** Called as a call leaves; `route` is its path template below the version (`/accounts/{id}`). */
  start(call: { method: string; route: string }): UpstreamCallObservation;
}

export interface UpstreamCallObservation {
  /** Sent with the call (W3C trace context); never a credential. */
  headers?: Record<string, string>;
  /** Each attempt of the call, retries included. */
  onAttempt?: OnUpstreamAttempt;
  /** The call is over: its final status (0 when no answer came). */
  end(status: number): void;
}
