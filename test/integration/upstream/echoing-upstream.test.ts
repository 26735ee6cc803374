import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { createGateway, type Gateway } from '../../../src/gateway.ts';
import { captureLogs } from '../../helpers/log-capture.ts';

/** Statuses the echoing upstream answers with, in turn: every error shape the gateway reads. */
const STATUSES = [400, 401, 403, 404, 409, 429, 500, 503];
const OPAQUE = 'opaque-caller-token-7f3a9c21d4e8b605';
const JWT_LIKE = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJlY2hvIn0.c2lnbmF0dXJlLWVjaG8';

let server: Server;
let gateway: Gateway;
let calls = 0;
const logs = captureLogs();

/** A tiny upstream that puts the caller's bearer token into every part of its error answer. */
function echoingUpstream(): Server {
  return createServer((request, response) => {
    const token = (request.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    const status = STATUSES[calls++ % STATUSES.length];
    response.writeHead(status, {
      'content-type': 'application/json',
      'x-tracking-id': token,
      ...(status === 429 ? { 'retry-after': '0' } : {}),
    });
    response.end(
      JSON.stringify({
        detailCode: `${status}.1.0 ${token}`,
        trackingId: token,
        messages: [{ locale: 'en-US', localeOrigin: 'DEFAULT', text: `The token ${token} is wrong` }],
        causes: [{ locale: 'en-US', localeOrigin: 'DEFAULT', text: token }],
        error: `Bearer ${token}`,
        message: token,
      }),
    );
  });
}

beforeAll(async () => {
  server = echoingUpstream();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const config = loadConfig({
    SAIL_BASE_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'debug',
    UPSTREAM_RATE_LIMIT: '0',
    UPSTREAM_MAX_ATTEMPTS: '1',
    GATEWAY_ALLOW_SERVICE_ACCOUNT: 'false',
  });
  gateway = createGateway(config, { logger: logs.logger });
});
afterAll(async () => {
  await gateway.dispose();
  await new Promise((resolve) => server.close(resolve));
});

const QUERIES = [
  '{ nonEmployeeSource(id: "0000000000000000000000000000abcd") { id name } }',
  '{ nonEmployeeSources(first: 3) { totalCount } }',
  '{ nonEmployeeRecords(first: 2) { edges { node { accountName } } } }',
  '{ account(id: "0000000000000000000000000000abcd") { nativeIdentity } }',
  'mutation { deleteNonEmployeeRecord(input: { id: "0000000000000000000000000000abcd" }) { __typename ... on Error { code message trackingId } ... on ValidationError { path } } }',
];

describe('an upstream that echoes the bearer token', () => {
  for (const [label, token] of [
    ['an opaque token', OPAQUE],
    ['a JWT', JWT_LIKE],
  ] as const) {
    it(`never gets ${label} into a response or a log line`, async () => {
      // Yoga's own logger writes to the console: everything it writes is read too.
      const consoleLines: string[] = [];
      const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          consoleLines.push(
            args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg))).join(' '),
          );
        }),
      );
      const bodies: string[] = [];
      const before = calls;
      try {
        for (let round = 0; round < STATUSES.length; round++) {
          for (const query of QUERIES) {
            const response = await gateway.fetch('http://gateway.test/graphql', {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify({ query }),
            });
            expect(response.status).toBeLessThan(500);
            bodies.push(await response.text());
          }
        }
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
      // The upstream was reached and its texts came through, scrubbed.
      expect(calls - before).toBeGreaterThanOrEqual(QUERIES.length * STATUSES.length);
      expect(bodies.join('\n')).toContain('[REDACTED]');
      expect(logs.lines().length).toBeGreaterThan(0);
      for (const text of [...bodies, logs.text(), ...consoleLines]) {
        expect(text).not.toContain(token);
      }
    });
  }
});
