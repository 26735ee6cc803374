import type { IncomingMessage } from 'node:http';
import { SandboxError } from './sandbox-error.ts';

/** 10 MiB: a tenant refuses bigger bodies; bulk-upload CSVs of 20,000 rows fit well below. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export const payloadTooLarge = (limit: number) =>
  new SandboxError(413, '413 Payload Too Large', `The request body is larger than ${limit} bytes.`);

/** Reads the whole body, refusing (413) as soon as it passes `limit` bytes. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(payloadTooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(payloadTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
    });
  });
}
