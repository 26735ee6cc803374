import type { UpstreamApi } from '../../upstream/api.ts';
import { principalKeyOf } from '../../upstream/throttle-key.ts';
import type { GatewayContext } from '../context.ts';

/** What a subscription emits: a read of its subject, or the failure that ends it. */
export type LiveEvent<T> = { value: T } | { error: unknown };

export interface FollowOptions<T> {
  /** The subject, e.g. `bulk-upload:<source id>`; with the principal it keys the shared poll. */
  subject: string;
  read: (api: UpstreamApi) => Promise<T>;
  /** The last event to send. */
  done: (value: T) => boolean;
  /** What counts as a change worth an event. @default the whole value */
  changeKey?: (value: T) => string;
  /** Skip reads that started before this (`performance.now()`), e.g. before the write it follows. */
  since?: number;
  /** Ends the watch quietly when it aborts (the subscription's own bound). */
  bound?: AbortSignal;
}

/** The poll's events as a subscription's: only changes, until `done`, a failure or the end of the request. */
export async function* followSubject<T>(
  ctx: GatewayContext,
  options: FollowOptions<T>,
): AsyncGenerator<LiveEvent<T>> {
  const token = await ctx.throttleToken().catch(() => null);
  const principal = token ? principalKeyOf(token) : 'anonymous';
  const release = ctx.live.limits.admit(principal, ctx.live.connection);
  const api = ctx.live.api();
  const changeKey = options.changeKey ?? ((value: T) => JSON.stringify(value));
  let previous: string | undefined;
  try {
    const events = ctx.live.poller.watch(
      `${principal}\u0000${options.subject}`,
      () => options.read(api),
      options.bound ? AbortSignal.any([ctx.live.signal, options.bound]) : ctx.live.signal,
      { since: options.since },
    );
    for await (const event of events) {
      if ('error' in event) {
        if (!ctx.live.signal.aborted) yield { error: event.error };
        break;
      }
      const key = changeKey(event.value);
      if (key === previous) continue;
      previous = key;
      yield { value: event.value };
      if (options.done(event.value)) return;
    }
    // The request's signal ended the watch: its longest duration says so; a client gone hears nothing.
    const reason: unknown = ctx.live.signal.reason;
    if (ctx.live.signal.aborted && isTimeout(reason)) yield { error: reason };
  } finally {
    release();
  }
}

const isTimeout = (reason: unknown) =>
  reason instanceof Error && (reason as { extensions?: { code?: string } }).extensions?.code === 'TIMEOUT';

/** A subscription event's value, or its failure thrown into the field's answer. */
export function eventValue<T>(event: LiveEvent<T>): T {
  if ('error' in event) throw event.error;
  return event.value;
}
