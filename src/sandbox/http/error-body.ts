import { randomBytes } from 'node:crypto';
import type { ErrorResponseDto, UnauthorizedBody } from '../../upstream/wire/common.ts';
import { type SandboxError, SandboxError as SandboxErrorClass } from './sandbox-error.ts';

/** A fresh tracking id, as a tenant puts in every error body: 32 hex digits. */
export const createTrackingId = (): string => randomBytes(16).toString('hex');

export function errorResponseDto(
  detailCode: string,
  text: string,
  causes: readonly string[] = [],
): ErrorResponseDto {
  return {
    detailCode,
    trackingId: createTrackingId(),
    messages: [{ locale: 'en-US', localeOrigin: 'DEFAULT', text }],
    causes: causes.map((cause) => ({ locale: 'en-US', localeOrigin: 'DEFAULT', text: cause })),
  };
}

/** ISC documents 429 as `{ message }`; the sandbox sends that next to the ErrorResponseDto fields. */
export type RateLimitedBody = ErrorResponseDto & { message: string };

/** The body a tenant answers for a SandboxError: `{ error }` for 401, an ErrorResponseDto otherwise. */
export function renderError(error: SandboxError): ErrorResponseDto | UnauthorizedBody | RateLimitedBody {
  if (error.status === 401) return { error: error.message };
  const body = errorResponseDto(error.detailCode, error.message, error.causes);
  return error.status === 429 ? { message: ' Rate Limit Exceeded ', ...body } : body;
}

export const internalFault = () =>
  new SandboxErrorClass(500, '500.0 Internal Fault', 'An internal fault occurred.');

export const tooManyRequests = (retryAfterSeconds: number) =>
  new SandboxErrorClass(429, '429 Too Many Requests', 'Rate Limit Exceeded', {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });
