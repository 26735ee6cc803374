import type { ServerResponse } from 'node:http';
import { renderError } from './error-body.ts';
import type { SandboxError } from './sandbox-error.ts';
import type { SandboxResponse } from './types.ts';

/** Writes a handler's answer: strings and Buffers as they are, anything else as JSON. */
export function send(res: ServerResponse, response: SandboxResponse): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { ...response.headers };
  let payload: string | Buffer | undefined;
  if (response.body === undefined || response.status === 204) {
    payload = undefined;
  } else if (typeof response.body === 'string' || Buffer.isBuffer(response.body)) {
    payload = response.body;
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  } else {
    payload = JSON.stringify(response.body);
    headers['content-type'] ??= 'application/json;charset=utf-8';
  }
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(response.status, headers);
  res.end(payload);
}

export function sendError(res: ServerResponse, error: SandboxError): void {
  send(res, { status: error.status, headers: error.headers, body: renderError(error) });
}
