// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../../src/gateway.ts';
import { startGateway, type TestGateway, uploadHeaders } from '../../helpers/gateway.ts';
import type { TestSandbox } from '../../helpers/sandbox.ts';
import { UNKNOWN_ID } from './mutation-fixtures.ts';

const ORIGIN = 'http://gateway.test';

let t: TestGateway;
let sandbox: TestSandbox;
let gateway: Gateway;
let admin: string;
let user: string;
let sourceId: string;

const auth = uploadHeaders;

beforeAll(async () => {
  t = await startGateway();
  ({ sandbox, gateway } = t);
  [admin, user] = await Promise.all([sandbox.tokenFor('admin'), sandbox.tokenFor('user')]);
  const response = await sandbox.api('/v3/non-employee-sources', {
    token: admin,
    body: {
      name: 'Exports through the gateway',
      description: 'CSV downloads',
      owner: { id: sandbox.client('source-owner').identityId },
    },
  });
  sourceId = ((await response.json()) as { id: string }).id;
});
afterAll(() => t.close());

describe('the CSV export route', () => {
  const url = (id: string, file = 'records.csv') => `${ORIGIN}/exports/non-employee-sources/${id}/${file}`;

  it('answers failures as JSON with the GraphQL error shape and the matching status', async () => {
    const cases: Array<[string, string | undefined, number, string]> = [
      [url(UNKNOWN_ID), admin, 404, 'NOT_FOUND'],
      [url(sourceId), user, 403, 'FORBIDDEN'],
      [url(sourceId, 'schema-template.csv'), undefined, 401, 'UNAUTHENTICATED'],
      [url('not%20an%20id!'), admin, 400, 'BAD_USER_INPUT'],
    ];
    for (const [target, token, status, code] of cases) {
      const response = await gateway.fetch(target, { headers: auth(token) });
      expect(response.status, target).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as any;
      expect(body.errors[0].extensions.code).toBe(code);
      expect(JSON.stringify(body)).not.toContain(admin);
    }
    const post = await gateway.fetch(url(sourceId), { method: 'POST', headers: auth(admin) });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('accepts the global id and HEAD, and passes a rate limit on with Retry-After', async () => {
    const globalId = Buffer.from(`NonEmployeeSource:${sourceId}`).toString('base64');
    const head = await gateway.fetch(url(encodeURIComponent(globalId), 'schema-template.csv'), {
      method: 'HEAD',
      headers: auth(admin),
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/^text\/csv/);

    await sandbox.setFaults({ failNext: [{ status: 429, retryAfterSeconds: 120 }] });
    const limited = await gateway.fetch(url(sourceId), { headers: auth(admin) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('120');
    expect(((await limited.json()) as any).errors[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter: 120,
    });
  });

  it('survives downloads abandoned before their first byte', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await gateway.fetch(url(sourceId), { headers: auth(admin) });
      expect(response.status).toBe(200);
      await response.body?.cancel();
    }
    // Lets the abandoned bodies finish arriving: an error they raise would fail this file.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const whole = await gateway.fetch(url(sourceId), { headers: auth(admin) });
    expect((await whole.text()).split('\n')[0]).toContain('accountName');
  });

  it('uses the service account, where allowed, for a download without a bearer', async () => {
    const withService = await startGateway({ serviceAccount: true });
    try {
      const sources = await withService.gql(
        `{ nonEmployeeSources(first: 1) { edges { node { schemaTemplateExportUrl } } } }`,
      );
      const link = sources.data?.nonEmployeeSources.edges[0].node.schemaTemplateExportUrl;
      const response = await withService.gateway.fetch(link, { headers: auth() });
      expect(response.status).toBe(200);
      expect((await response.text()).startsWith('accountName,')).toBe(true);
    } finally {
      await withService.close();
    }
  });
});
