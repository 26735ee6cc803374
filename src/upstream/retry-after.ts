/**
 * `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP date. Returns milliseconds
 * from `now`, 0 for a date in the past, null when absent or unreadable.
 */
export const parseRetryAfterMs = (
  value: string | string[] | null | undefined,
  now: number = Date.now(),
): number | null => {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw == null) return null;
  const text = raw.trim();
  if (text === '') return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
};

/** Whole seconds to tell a client, rounding up so it never retries too early. */
export const retryAfterSeconds = (
  value: string | string[] | null | undefined,
  now?: number,
): number | null => {
  const ms = parseRetryAfterMs(value, now);
  return ms == null ? null : Math.ceil(ms / 1000);
};
