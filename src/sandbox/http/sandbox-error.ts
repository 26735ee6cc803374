/**
 * A failure a handler raises on purpose; the server renders it the way a tenant does:
 * an ErrorResponseDto for 400/403/404/429/500, `{ "error": ... }` for 401.
 */
export class SandboxError extends Error {
  readonly status: number;
  readonly detailCode: string;
  readonly headers: Record<string, string>;
  /** Texts of the body's `causes`. */
  readonly causes: readonly string[];

  constructor(
    status: number,
    detailCode: string,
    message: string,
    headers: Record<string, string> = {},
    causes: readonly string[] = [],
  ) {
    super(message);
    this.name = 'SandboxError';
    this.status = status;
    this.detailCode = detailCode;
    this.headers = headers;
    this.causes = causes;
  }
}

export const badRequest = (message: string, detailCode = '400.0 Bad Request') =>
  new SandboxError(400, detailCode, message);

/** `400.1 Bad Request Content`: a body, a parameter or a field is malformed. */
export const badContent = (message: string) => new SandboxError(400, '400.1 Bad Request Content', message);

/** `400.1.404 Referenced object not found`: an id in the body names nothing. */
export const referenceNotFound = (message: string) =>
  new SandboxError(400, '400.1.404 Referenced object not found', message);

export const unauthorized = (message: string) => new SandboxError(401, '401 Unauthorized', message);

export const forbidden = (message = 'The server understood the request but refuses to authorize it.') =>
  new SandboxError(403, '403 Forbidden', message);

export const notFound = (what: string) => new SandboxError(404, '404 Not found', `${what} was not found.`);

export const referenceConflict = (message: string) =>
  new SandboxError(400, '400.1.409 Reference conflict', message);

export const limitViolation = (message: string) => new SandboxError(400, '400.1.4 Limit violation', message);

export const isSandboxError = (error: unknown): error is SandboxError => error instanceof SandboxError;
