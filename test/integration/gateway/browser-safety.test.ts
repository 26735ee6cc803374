import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';

const LISTED = 'https://app.example.test';
const OTHER = 'https://evil.example.test';
/** Valid, so only the CSRF check stands between it and a new source. */
const create = () =>
  `mutation { createNonEmployeeSource(input: { name: "Planted", description: "x", owner: "${t.sandbox.admin.identityId}" }) { __typename } }`;
const RECORDS = `{ nonEmployeeRecords(first: 1) { edges { node { email } } } }`;

let t: TestGateway;
let exportUrl: string;

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  t.gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    body,
    headers: { origin: OTHER, ...headers },
  });

const preflight = (path: string, origin: string) =>
  t.gateway.fetch(`http://gateway.test${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, x-graphql-csrf',
    },
  });

beforeAll(async () => {
  // Tokenless requests act as the sandbox admin, as under `npm start`: the case a hostile page aims at.
  t = await startGateway({ serviceAccount: true, env: { CORS_ORIGINS: `${LISTED}, http://localhost:5173` } });
  const sources = await t.gql(`{ nonEmployeeSources(first: 1) { edges { node { recordsExportUrl } } } }`);
  exportUrl = sources.data?.nonEmployeeSources.edges[0].node.recordsExportUrl;
});
afterAll(() => t.close());

describe('CSRF prevention', () => {
  it('refuses a form POST carrying a mutation with 403 before any upstream call', async () => {
    await t.sandbox.resetStats();
    const response = await post(new URLSearchParams({ query: create() }));
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(body.errors[0].extensions).toEqual({ code: 'CSRF_HEADER_REQUIRED' });
    expect((await t.sandbox.stats()).total).toBe(0);
    // The control: with the header the same form runs, so the check above is what stopped it.
    const sent = await post(new URLSearchParams({ query: create() }), { 'x-graphql-csrf': '1' });
    expect((await sent.json()).data.createNonEmployeeSource.__typename).toBe(
      'CreateNonEmployeeSourcePayload',
    );
  });

  it('refuses a multipart POST carrying a mutation without the header, and runs one with the header', async () => {
    const form = (query: string) => {
      const data = new FormData();
      data.append('operations', JSON.stringify({ query }));
      data.append('map', '{}');
      return data;
    };
    await t.sandbox.resetStats();
    const refused = await post(form(create()));
    expect(refused.status).toBe(403);
    expect((await refused.json()).errors[0].extensions.code).toBe('CSRF_HEADER_REQUIRED');
    expect((await t.sandbox.stats()).total).toBe(0);

    for (const header of ['x-graphql-csrf', 'apollo-require-preflight']) {
      const accepted = await post(form(RECORDS), { [header]: '1' });
      expect(accepted.status).toBe(200);
      expect((await accepted.json()).data.nonEmployeeRecords.edges).toHaveLength(1);
    }
  });

  it('refuses a text/plain POST and a GET without the header; JSON POSTs pass', async () => {
    await t.sandbox.resetStats();
    const plain = await post(JSON.stringify({ query: create() }), { 'content-type': 'text/plain' });
    expect(plain.status).toBe(403);
    const get = await t.gateway.fetch(`http://gateway.test/graphql?query=${encodeURIComponent(RECORDS)}`, {
      headers: { accept: 'application/json' },
    });
    expect(get.status).toBe(403);
    expect((await t.sandbox.stats()).total).toBe(0);

    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const json = await post(JSON.stringify({ query: RECORDS }), {
        'content-type': 'application/json',
        accept,
      });
      expect(json.status).toBe(200);
    }
    const withHeader = await t.gateway.fetch(
      `http://gateway.test/graphql?query=${encodeURIComponent(RECORDS)}`,
      {
        headers: { accept: 'application/json', 'x-graphql-csrf': '1' },
      },
    );
    expect(withHeader.status).toBe(200);
  });

  it('refuses a CSV export without the header, and serves it with the header', async () => {
    await t.sandbox.resetStats();
    const refused = await t.gateway.fetch(exportUrl, { headers: { origin: OTHER } });
    expect(refused.status).toBe(403);
    expect((await refused.json()).errors[0].extensions.code).toBe('CSRF_HEADER_REQUIRED');
    expect((await t.sandbox.stats()).total).toBe(0);
    const served = await t.gateway.fetch(exportUrl, { headers: { 'x-graphql-csrf': '1' } });
    expect(served.status).toBe(200);
    expect((await served.text()).split('\n')[0]).toContain('accountName');
  });
});

describe('CORS allowlist', () => {
  for (const path of ['/graphql', '/exports/non-employee-sources/x/records.csv']) {
    it(`answers a preflight to ${path} from an unlisted origin with no CORS headers`, async () => {
      const response = await preflight(path, OTHER);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    });

    it(`allows a listed origin on ${path}, with credentials`, async () => {
      const response = await preflight(path, LISTED);
      expect(response.headers.get('access-control-allow-origin')).toBe(LISTED);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
      expect(response.headers.get('access-control-allow-headers')).toContain('x-graphql-csrf');
      expect(response.headers.get('vary')).toContain('Origin');
    });
  }

  it('sends no CORS headers on the answers to an unlisted origin, and echoes a listed one', async () => {
    const json = { 'content-type': 'application/json' };
    const other = await post(JSON.stringify({ query: '{ __typename }' }), json);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const listed = await post(JSON.stringify({ query: '{ __typename }' }), {
      ...json,
      origin: 'http://localhost:5173',
    });
    expect(listed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const csv = await t.gateway.fetch(exportUrl, { headers: { origin: LISTED, 'x-graphql-csrf': '1' } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(csv.headers.get('access-control-allow-credentials')).toBe('true');
    await csv.body?.cancel();
  });

  it('sends no CORS headers at all when no origin is listed', async () => {
    const closed = await startGateway({ serviceAccount: true });
    try {
      const response = await closed.gateway.fetch('http://gateway.test/graphql', {
        method: 'OPTIONS',
        headers: { origin: LISTED, 'access-control-request-method': 'POST' },
      });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    } finally {
      await closed.close();
    }
  });
});
