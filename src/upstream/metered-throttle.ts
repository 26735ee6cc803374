import type { CallThrottle } from './call-throttle.ts';

/** What one GraphQL request spent: the calls it sent and how long the throttle held them. */
export interface CallMeter {
  calls: number;
  throttledMs: number;
  /** The token the calls went with (the last one seen): whose window the request draws on. */
  token: string | null;
}

/** The gateway's throttle, counting into `meter` each call it lets go for one request. */
export function meterThrottle(throttle: CallThrottle, meter: CallMeter): CallThrottle {
  return {
    async acquire(token, signal) {
      meter.token = token;
      const ticket = await throttle.acquire(token, signal);
      meter.calls += 1;
      meter.throttledMs += ticket.waitedMs;
      return ticket;
    },
    coolDown: (token, retryAfterMs) => throttle.coolDown(token, retryAfterMs),
    windowOf: (token) => throttle.windowOf(token),
  };
}
