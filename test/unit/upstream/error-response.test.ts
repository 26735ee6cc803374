import { describe, expect, it } from 'vitest';
import {
  createUpstreamErrorFromFailure,
  createUpstreamErrorFromResponse,
} from '../../../src/upstream/error-response.ts';
import {
  isUpstreamError,
  UpstreamBadRequestError,
  UpstreamConflictError,
  UpstreamForbiddenError,
  UpstreamLimitExceededError,
  UpstreamNotFoundError,
  UpstreamOutcomeUnknownError,
  UpstreamRateLimitedError,
  UpstreamUnauthenticatedError,
  UpstreamUnavailableError,
} from '../../../src/upstream/errors.ts';
import { redactSecrets } from '../../../src/upstream/redact.ts';

const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

const dto = (detailCode: string, ...texts: string[]) =>
  JSON.stringify({
    detailCode,
    trackingId: 'track-1',
    messages: texts.map((text) => ({ locale: 'en-US', localeOrigin: 'DEFAULT', text })),
    causes: [],
  });

const fromResponse = (status: number, body: string, headers: Record<string, string> = {}) =>
  createUpstreamErrorFromResponse({ status, headers, body, request: 'GET /v3/x', secrets: [TOKEN] });

describe('createUpstreamErrorFromResponse', () => {
  it('reads an ErrorResponseDto into a typed error', () => {
    const error = fromResponse(404, dto('404 Not found', 'Source abc was not found.'));
    expect(error).toBeInstanceOf(UpstreamNotFoundError);
    expect(isUpstreamError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
      detailCode: '404 Not found',
      trackingId: 'track-1',
      messages: ['Source abc was not found.'],
      request: 'GET /v3/x',
    });
    expect(error.message).toBe('GET /v3/x found nothing: Source abc was not found.');
  });

  it('keeps the causes apart from the messages, scrubbed of tokens', () => {
    const cause = (text: string) => ({ locale: 'en-US', localeOrigin: 'DEFAULT', text });
    const body = JSON.stringify({
      detailCode: '400.1 Bad Request Content',
      messages: [cause('Line 3: bad email\nLine 4: bad date')],
      causes: [cause('Line 3: bad email'), cause(`Line 4: bad date near ${TOKEN}`)],
    });
    const error = fromResponse(400, body);
    expect(error.causes).toEqual(['Line 3: bad email', 'Line 4: bad date near [REDACTED]']);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it.each([
    [400, '400.1.409 Reference conflict', UpstreamConflictError, 'CONFLICT'],
    [400, '400.1.4 Limit violation', UpstreamLimitExceededError, 'LIMIT_EXCEEDED'],
    [400, '400.1.404 Referenced object not found', UpstreamBadRequestError, 'BAD_USER_INPUT'],
    [400, '400.0 Bad Request', UpstreamBadRequestError, 'BAD_USER_INPUT'],
    [403, '403 Forbidden', UpstreamForbiddenError, 'FORBIDDEN'],
    [500, '500.0 Internal Fault', UpstreamUnavailableError, 'UPSTREAM_UNAVAILABLE'],
    [503, '503.0 Injected fault', UpstreamUnavailableError, 'UPSTREAM_UNAVAILABLE'],
  ])('maps %i %s to its kind', (status, detailCode, kind, code) => {
    const error = fromResponse(status, dto(detailCode, 'text'));
    expect(error).toBeInstanceOf(kind);
    expect(error.code).toBe(code);
    expect(error.detailCode).toBe(detailCode);
  });

  it('reads the 401 { error } body', () => {
    const error = fromResponse(401, JSON.stringify({ error: 'JWT validation failed: JWT is expired' }));
    expect(error).toBeInstanceOf(UpstreamUnauthenticatedError);
    expect(error.messages).toEqual(['JWT validation failed: JWT is expired']);
  });

  it('reads 429 with Retry-After in seconds or as a date', () => {
    const error = fromResponse(429, JSON.stringify({ message: ' Rate Limit Exceeded ' }), {
      'retry-after': '7',
    });
    expect(error).toBeInstanceOf(UpstreamRateLimitedError);
    expect((error as UpstreamRateLimitedError).retryAfterSeconds).toBe(7);
    expect(error.messages).toEqual(['Rate Limit Exceeded']);
    const later = new Date(Date.now() + 90_000).toUTCString();
    const dated = fromResponse(429, '', { 'retry-after': later }) as UpstreamRateLimitedError;
    expect(dated.retryAfterSeconds).toBeGreaterThanOrEqual(88);
    expect(dated.retryAfterSeconds).toBeLessThanOrEqual(91);
    expect((fromResponse(429, '') as UpstreamRateLimitedError).retryAfterSeconds).toBeNull();
  });

  it('tolerates bodies that are not JSON', () => {
    const html = fromResponse(502, '<html><body>Bad gateway</body></html>');
    expect(html).toBeInstanceOf(UpstreamUnavailableError);
    expect(html.messages).toEqual([]);
    expect(fromResponse(400, 'plain words').messages).toEqual(['plain words']);
    expect(fromResponse(400, '').messages).toEqual([]);
    expect(fromResponse(400, '[1,2]').messages).toEqual([]);
    expect(fromResponse(400, JSON.stringify({ messages: 'nope', detailCode: 5 })).detailCode).toBeNull();
  });

  it('never carries the token, even when the upstream echoes it', () => {
    const body = dto(
      '400.0 Bad Request',
      `bad header Authorization: Bearer ${TOKEN}`,
      `token ${TOKEN} refused`,
    );
    const error = fromResponse(400, body);
    const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack });
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain('c2lnbmF0dXJl');
    expect(error.messages[0]).toBe('bad header Authorization: Bearer [REDACTED]');
  });
});

describe('createUpstreamErrorFromFailure', () => {
  it('turns resets and timeouts into UPSTREAM_UNAVAILABLE with a clean cause', () => {
    const reset = Object.assign(new Error(`other side closed (Bearer ${TOKEN})`), {
      code: 'UND_ERR_SOCKET',
      socket: { remoteAddress: '127.0.0.1' },
    });
    const error = createUpstreamErrorFromFailure(reset, 'GET /v3/x', [TOKEN]);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error?.status).toBe(0);
    expect(error?.message).toBe('GET /v3/x could not reach the upstream (UND_ERR_SOCKET)');
    const cause = error?.cause as Error & { code: string };
    expect(cause.code).toBe('UND_ERR_SOCKET');
    expect(cause.message).not.toContain(TOKEN);
    expect(cause).not.toHaveProperty('socket');

    const timeout = createUpstreamErrorFromFailure({ code: 'UND_ERR_HEADERS_TIMEOUT' }, 'GET /v3/x');
    expect(timeout?.message).toContain('timed out');
  });

  it('leaves other errors alone', () => {
    expect(createUpstreamErrorFromFailure(new TypeError('bug'), 'GET /v3/x')).toBeNull();
  });

  it('calls a write OUTCOME_UNKNOWN when it may have been sent, UPSTREAM_UNAVAILABLE when it never left', () => {
    const write = (code: string) =>
      createUpstreamErrorFromFailure(Object.assign(new Error(code), { code }), 'POST /v3/x', [], true);
    for (const code of [
      'UND_ERR_SOCKET',
      'ECONNRESET',
      'UND_ERR_HEADERS_TIMEOUT',
      'UND_ERR_BODY_TIMEOUT',
      'EPIPE',
    ]) {
      expect(write(code), code).toBeInstanceOf(UpstreamOutcomeUnknownError);
      expect(write(code)?.code, code).toBe('OUTCOME_UNKNOWN');
    }
    for (const code of [
      'ECONNREFUSED',
      'ENOTFOUND',
      'EAI_AGAIN',
      'UND_ERR_CONNECT_TIMEOUT',
      'UND_ERR_CLOSED',
    ]) {
      expect(write(code), code).toBeInstanceOf(UpstreamUnavailableError);
      expect(write(code)?.code, code).toBe('UPSTREAM_UNAVAILABLE');
    }
  });
});

describe('redactSecrets', () => {
  it('scrubs bearer values, JWTs, secret form fields and given literals', () => {
    expect(redactSecrets('Authorization: bearer abc.def-ghi')).toBe('Authorization: bearer [REDACTED]');
    expect(redactSecrets(`see ${TOKEN}!`)).toBe('see [REDACTED]!');
    expect(redactSecrets('grant_type=x&client_secret=s3cr3t&client_id=me')).toBe(
      'grant_type=x&client_secret=[REDACTED]&client_id=me',
    );
    expect(redactSecrets('the secret is hunter2hunter2', ['hunter2hunter2'])).toBe(
      'the secret is [REDACTED]',
    );
    expect(redactSecrets('a short one', ['a'])).toBe('a short one');
  });
});
