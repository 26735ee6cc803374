import { randomUUID } from 'node:crypto';

/** A caller's id is kept only when it is short and plain, so it cannot forge log lines or headers. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export const REQUEST_ID_HEADER = 'x-request-id';

/** The caller's `x-request-id` when it is safe to repeat, otherwise a fresh UUID. */
export function readRequestId(headers: Headers): string {
  const sent = headers.get(REQUEST_ID_HEADER)?.trim();
  return sent && SAFE_REQUEST_ID.test(sent) ? sent : randomUUID();
}
