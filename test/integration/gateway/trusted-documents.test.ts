// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printExampleDocuments } from '../../../scripts/print-example-documents.ts';
import { documentId } from '../../../src/plugins/use-trusted-documents.ts';
import { DASHBOARD_OVERVIEW } from '../../../src/schema/example-operations.ts';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { ROOT } from '../../helpers/gateway-process.ts';

const MANIFEST = `${ROOT}example-documents.json`;
const AD_HOC = '{ nonEmployeeSources(first: 1) { totalCount } }';

async function post(t: TestGateway, body: Record<string, unknown>) {
  const response = await t.gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

describe('the GraphiQL examples manifest', () => {
  it('is the example tabs, each under the SHA-256 of its text (npx tsx scripts/print-example-documents.ts)', () => {
    expect(readFileSync(MANIFEST, 'utf8')).toBe(printExampleDocuments());
  });
});

describe('PERSISTED_DOCUMENTS_ONLY=true', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway({
      serviceAccount: true,
      env: { PERSISTED_DOCUMENTS: MANIFEST, PERSISTED_DOCUMENTS_ONLY: 'true' },
    });
  });
  afterAll(() => t.close());

  it('runs a manifest document by its id', async () => {
    const { status, body } = await post(t, { documentId: documentId(DASHBOARD_OVERVIEW) });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.nonEmployeeSources.totalCount).toBeGreaterThan(0);
  });

  it('takes the APQ shape too (extensions.persistedQuery.sha256Hash)', async () => {
    const sha256Hash = documentId(DASHBOARD_OVERVIEW);
    const { body } = await post(t, { extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(body.data.nonEmployeeSources.totalCount).toBeGreaterThan(0);
  });

  it('refuses an ad-hoc document, and an unknown id, with stable codes and no upstream call', async () => {
    const { result, stats } = await t.sandbox.callsDuring(() => post(t, { query: AD_HOC }));
    expect(result.status).toBe(400);
    expect(result.body.errors[0].extensions.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
    expect(stats.total).toBe(0);
    const unknown = await post(t, { documentId: 'f'.repeat(64) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
  });
});

describe('PERSISTED_DOCUMENTS without _ONLY', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway({ serviceAccount: true, env: { PERSISTED_DOCUMENTS: MANIFEST } });
  });
  afterAll(() => t.close());

  it('runs documents by id and ad-hoc documents alike', async () => {
    const byId = await post(t, { documentId: documentId(DASHBOARD_OVERVIEW) });
    const adHoc = await post(t, { query: AD_HOC });
    expect(byId.body.data.nonEmployeeSources.totalCount).toBe(adHoc.body.data.nonEmployeeSources.totalCount);
  });
});
