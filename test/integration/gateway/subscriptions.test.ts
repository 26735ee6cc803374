// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../src/upstream/wire/accounts.ts';
import { startGateway, type TestGateway, uploadHeaders } from '../../helpers/gateway.ts';
import { collectNext, openSse, type SseStream } from '../../helpers/sse-client.ts';

const POLL_MS = 100;
const STEP_MS = 1500;
const HEADER = ['accountName', 'firstName', 'lastName', 'email', 'phone', 'manager', 'startDate', 'endDate'];
const JOB = `subscription($sourceId: ID!, $file: File) {
  bulkUploadJob(sourceId: $sourceId, file: $file) { sourceId status terminal job { iscId } failedLines { line message } }
}`;
const IMPORT = `mutation($sourceId: ID!, $file: File!) {
  importNonEmployeeRecords(sourceId: $sourceId, file: $file) { __typename }
}`;
const ACCOUNT_TASK = `subscription($id: ID!) {
  accountTask(accountId: $id, until: DISABLED) { completion account { iscId disabled } }
}`;

let t: TestGateway;
let admin: string;

const row = (n: number) =>
  [
    `live.person${n}`,
    'Live',
    `Person${n}`,
    `live.person${n}@example.com`,
    '5125550100',
    'jonas.lindqvist',
    '2030-01-06T00:00:00Z',
    '2030-12-31T00:00:00Z',
  ].join(',');
const csvOf = (rows: string[]) => [HEADER.join(','), ...rows].join('\n');

async function newSource(name: string): Promise<string> {
  const response = await t.sandbox.api('/v3/non-employee-sources', {
    token: admin,
    body: { name, description: 'Live', owner: { id: t.sandbox.client('source-owner').identityId } },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

/** A GraphQL multipart request: `operations`, `map`, the file. */
function multipart(query: string, variables: Record<string, unknown>, csv: string): FormData {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: { ...variables, file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new File([csv], 'people.csv', { type: 'text/csv' }));
  return form;
}

const fetchGateway = (url: string, init: RequestInit) => t.gateway.fetch(url, init);

function subscribe(query: string, variables: Record<string, unknown>, token = admin): Promise<SseStream> {
  return openSse(fetchGateway, 'http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
}

const statusCalls = (byRoute: Record<string, number>) =>
  Object.entries(byRoute)
    .filter(([route]) => route.includes('non-employee-bulk-upload/status'))
    .reduce((sum, [, calls]) => sum + calls, 0);

beforeAll(async () => {
  t = await startGateway({
    sandbox: { bulkUploadStepMs: STEP_MS },
    env: {
      SUBSCRIPTION_POLL_INTERVAL_MS: String(POLL_MS),
      SUBSCRIPTION_MAX_POLL_INTERVAL_MS: String(POLL_MS),
    },
  });
  admin = await t.sandbox.tokenFor('admin');
});
afterAll(() => t.close());

describe('bulkUploadJob over SSE', () => {
  it('uploads 1,000 rows and emits PENDING, IN_PROGRESS, COMPLETED in order, then ends', async () => {
    const sourceId = await newSource('Live thousand');
    const rows = Array.from({ length: 1000 }, (_, i) => row(i));
    const stream = await openSse(fetchGateway, 'http://gateway.test/graphql', {
      method: 'POST',
      headers: uploadHeaders(admin),
      body: multipart(JOB, { sourceId }, csvOf(rows)),
    });
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    const payloads = await collectNext(stream);
    expect(payloads.every((payload) => payload.errors === undefined)).toBe(true);
    const updates = payloads.map((payload) => payload.data.bulkUploadJob);
    expect(updates.map((update) => update.status)).toEqual(['PENDING', 'IN_PROGRESS', 'COMPLETED']);
    expect(updates.map((update) => update.terminal)).toEqual([false, false, true]);
    expect(updates[0].job.iscId).toEqual(expect.any(String));
    // Each event says what it cost: one status read per poll, the upload once.
    expect(payloads[0].extensions.cost).toMatchObject({ estimatedCalls: 2 });
    const records = await t.sandbox.api(
      `/v3/non-employee-records?count=true&limit=1&filters=${encodeURIComponent(`sourceId eq "${sourceId}"`)}`,
      { token: admin },
    );
    expect(records.headers.get('x-total-count')).toBe('1000');
  });

  it('ends in ERROR with the bad row’s line and reason when ISC refuses it', async () => {
    const sourceId = await newSource('Live bad row');
    const rows = Array.from({ length: 1000 }, (_, i) => row(i));
    rows[499] = rows[499].replace('live.person499@example.com', 'not-an-email');
    const stream = await openSse(fetchGateway, 'http://gateway.test/graphql', {
      method: 'POST',
      headers: uploadHeaders(admin),
      body: multipart(JOB, { sourceId }, csvOf(rows)),
    });
    const payloads = await collectNext(stream);
    expect(payloads).toHaveLength(1);
    const update = payloads[0].data.bulkUploadJob;
    expect(update).toMatchObject({ status: 'ERROR', terminal: true, job: null });
    expect(update.failedLines).toEqual([{ line: 501, message: expect.stringMatching(/email/i) }]);
  });

  it('serves two subscribers of one principal with one poll, and stops polling when both leave', async () => {
    const sourceId = await newSource('Live shared');
    const started = await t.gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: uploadHeaders(admin),
      body: multipart(IMPORT, { sourceId }, csvOf([row(1)])),
    });
    expect((await started.json()).data.importNonEmployeeRecords.__typename).toBe(
      'ImportNonEmployeeRecordsPayload',
    );
    const [first, second] = await Promise.all([subscribe(JOB, { sourceId }), subscribe(JOB, { sourceId })]);
    const [a, b] = [await first.events.next(), await second.events.next()];
    expect(a.value.data.data.bulkUploadJob.status).toBe('PENDING');
    expect(b.value.data.data.bulkUploadJob.status).toBe('PENDING');

    // While the job stays PENDING, one poll every POLL_MS serves both.
    await t.sandbox.resetStats();
    const window = Date.now();
    await sleep(1000);
    const shared = statusCalls((await t.sandbox.stats()).byRoute);
    const elapsed = Date.now() - window;
    expect(shared).toBeGreaterThan(0);
    expect(shared).toBeLessThanOrEqual(Math.floor(elapsed / POLL_MS) + 1);

    first.close();
    second.close();
    await sleep(POLL_MS + 50);
    await t.sandbox.resetStats();
    await sleep(3 * POLL_MS);
    expect(statusCalls((await t.sandbox.stats()).byRoute)).toBe(0);
  });

  it('gives another principal its own poll', async () => {
    const sourceId = await newSource('Live two principals');
    // An API client with the admin's rights: another client, so another principal.
    const other = await t.sandbox.tokenFor('api-client');
    const [mine, theirs] = await Promise.all([
      subscribe(JOB, { sourceId }),
      subscribe(JOB, { sourceId }, other),
    ]);
    await Promise.all([mine.events.next(), theirs.events.next()]);
    await t.sandbox.resetStats();
    const window = Date.now();
    await sleep(1000);
    const calls = statusCalls((await t.sandbox.stats()).byRoute);
    const oneStream = Math.floor((Date.now() - window) / POLL_MS) + 1;
    mine.close();
    theirs.close();
    // Two polls, one per principal: more than one stream can make.
    expect(calls).toBeGreaterThan(oneStream);
  });
});

describe('subscription arguments', () => {
  it('refuses an id that is none, or a file that is no file part, with BAD_USER_INPUT at 0 calls', async () => {
    const { result, stats } = await t.sandbox.callsDuring(async () => [
      await collectNext(await subscribe(JOB, { sourceId: 'not-an-id' })),
      await collectNext(await subscribe(ACCOUNT_TASK, { id: 'x'.repeat(300) })),
      await collectNext(await subscribe(JOB, { sourceId: '2c9180835d2e5168015d32f890ca1581', file: 'text' })),
    ]);
    for (const payloads of result) {
      expect(payloads).toHaveLength(1);
      expect(payloads[0].errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    expect(stats.total).toBe(0);
  });
});

describe('accountTask over SSE', () => {
  it('after disableAccount, emits once the account shows disabled, then ends', async () => {
    const [source] = await t.sandbox.getJson<Array<{ sourceId: string }>>(
      '/v3/non-employee-sources?limit=1',
      admin,
    );
    const filters = encodeURIComponent(`sourceId eq "${source.sourceId}"`);
    const accounts = await t.sandbox.getJson<Account[]>(`/v3/accounts?limit=50&filters=${filters}`, admin);
    const account = accounts.find((candidate) => !candidate.disabled) as Account;
    expect(account.disabled).toBe(false);
    const disabled = await t.gql(
      `mutation($id: ID!) { disableAccount(input: { id: $id }) { __typename ... on DisableAccountPayload { completion } } }`,
      { id: account.id },
      { token: admin },
    );
    expect(disabled.data?.disableAccount).toEqual({
      __typename: 'DisableAccountPayload',
      completion: 'PENDING',
    });
    const payloads = await collectNext(await subscribe(ACCOUNT_TASK, { id: account.id }));
    const updates = payloads.map((payload) => payload.data.accountTask);
    expect(updates.at(-1)).toEqual({
      completion: 'COMPLETED',
      account: { iscId: account.id, disabled: true },
    });
    for (const update of updates.slice(0, -1)) {
      expect(update).toEqual({ completion: 'PENDING', account: { iscId: account.id, disabled: false } });
    }
    const after = await t.sandbox.getJson<Account>(`/v3/accounts/${account.id}`, admin);
    expect(after.disabled).toBe(true);
  });
});

describe('a subscription and the rate limit', () => {
  it('ends with RATE_LIMITED once the window is spent past the retry cap', async () => {
    const limited = await startGateway({
      env: {
        UPSTREAM_RATE_LIMIT: '3',
        UPSTREAM_RATE_LIMIT_WINDOW_MS: '60000',
        UPSTREAM_MAX_RETRY_AFTER_MS: '200',
        SUBSCRIPTION_POLL_INTERVAL_MS: '20',
        SUBSCRIPTION_MAX_POLL_INTERVAL_MS: '20',
      },
    });
    try {
      const token = await limited.sandbox.tokenFor('admin');
      const [source] = await limited.sandbox.getJson<Array<{ id: string }>>(
        '/v3/non-employee-sources?limit=1',
        token,
      );
      await limited.sandbox.resetStats();
      const stream = await openSse(
        (url, init) => limited.gateway.fetch(url, init),
        'http://gateway.test/graphql',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: JOB, variables: { sourceId: source.id } }),
        },
      );
      const payloads = await collectNext(stream);
      expect(payloads[0].data.bulkUploadJob.status).toBeNull();
      const last = payloads.at(-1);
      expect(last.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      // Three polls fit the window; the one past it is not sent.
      expect((await limited.sandbox.stats()).total).toBe(3);
    } finally {
      await limited.close();
    }
  });
});

describe('subscription bounds', () => {
  it('outlives GRAPHQL_REQUEST_TIMEOUT_MS, ends at SUBSCRIPTION_MAX_DURATION_MS with TIMEOUT, and limits each principal', async () => {
    const bounded = await startGateway({
      env: {
        GRAPHQL_REQUEST_TIMEOUT_MS: '100',
        SUBSCRIPTION_MAX_DURATION_MS: '1000',
        SUBSCRIPTIONS_PER_PRINCIPAL: '1',
        SUBSCRIPTION_POLL_INTERVAL_MS: '50',
        SUBSCRIPTION_MAX_POLL_INTERVAL_MS: '50',
      },
    });
    try {
      const token = await bounded.sandbox.tokenFor('admin');
      const [source] = await bounded.sandbox.getJson<Array<{ id: string }>>(
        '/v3/non-employee-sources?limit=1',
        token,
      );
      const open = (as: string) =>
        openSse((url, init) => bounded.gateway.fetch(url, init), 'http://gateway.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${as}` },
          body: JSON.stringify({ query: JOB, variables: { sourceId: source.id } }),
        });
      const started = Date.now();
      const first = await open(token);
      const firstEvents = collectNext(first);
      const refused = await collectNext(await open(token));
      expect(refused).toHaveLength(1);
      expect(refused[0].errors[0].extensions).toMatchObject({ code: 'SUBSCRIPTION_LIMIT', limit: 1 });
      // Another principal has its own count.
      const other = await open(await bounded.sandbox.tokenFor('api-client'));
      const otherEvents = collectNext(other);

      const payloads = await firstEvents;
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(payloads[0].data.bulkUploadJob.status).toBeNull();
      expect(payloads.at(-1).errors[0].extensions.code).toBe('TIMEOUT');
      expect((await otherEvents).at(-1).errors[0].extensions.code).toBe('TIMEOUT');
      // Both ended: polling stops.
      await sleep(100);
      await bounded.sandbox.resetStats();
      await sleep(200);
      expect((await bounded.sandbox.stats()).total).toBe(0);
    } finally {
      await bounded.close();
    }
  });
});
