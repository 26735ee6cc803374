import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';

describe('without a bearer and without an allowed service account', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway({ serviceAccount: false });
  });
  afterAll(() => t.close());

  it('answers UNAUTHENTICATED for every field that needs upstream, and makes no call', async () => {
    const { stats: calls } = await t.sandbox.callsDuring(async () => {
      // Nullable fields, so each reports its own error instead of the first nulling the whole answer.
      const result = await t.gql(
        `{ nonEmployeeSource(id: "2c9180835d2e5168015d32f890ca1581") { name }
           nonEmployeeRecord(id: "ef38f94347e94562b5bb8424a56397d8") { accountName } }`,
      );
      expect(result.status).toBe(200);
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual([
        'UNAUTHENTICATED',
        'UNAUTHENTICATED',
      ]);
      expect(result.errors?.[0].message).toMatch(/Authorization: Bearer/);
    });
    expect(calls.total).toBe(0);
  });

  it('answers UNAUTHENTICATED for a malformed Authorization header', async () => {
    const { result, stats: calls } = await t.sandbox.callsDuring(() =>
      t.gql(`{ nonEmployeeSources { totalCount } }`, {}, { headers: { authorization: 'Basic abc' } }),
    );
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(calls.total).toBe(0);
  });

  it('passes the upstream 401 of a bad token as UNAUTHENTICATED, without echoing the token', async () => {
    const token = 'not.a.valid-token-value';
    const { result, stats: calls } = await t.sandbox.callsDuring(() =>
      t.gql(`{ nonEmployeeSources { totalCount } }`, {}, { token }),
    );
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(result)).not.toContain(token);
    // The 401 came from the upstream, over one call that was not retried.
    expect(calls.byStatus).toEqual({ 401: 1 });
  });
});

describe('with the service account allowed', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway({ serviceAccount: true });
  });
  afterAll(() => t.close());

  it('uses the service token for requests without a bearer, fetching it once', async () => {
    const { stats: calls } = await t.sandbox.callsDuring(async () => {
      for (let i = 0; i < 3; i++) {
        const result = await t.gql(`{ nonEmployeeSources(first: 1) { totalCount } }`);
        expect(result.errors).toBeUndefined();
        expect(result.data?.nonEmployeeSources.totalCount).toBeGreaterThan(0);
      }
    });
    expect(calls.tokenRequests).toBe(1);
  });
});

describe('two callers at once', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway({ serviceAccount: true });
  });
  afterAll(() => t.close());

  it('never sees the other caller\u2019s data, however their requests interleave', async () => {
    // Two owners see different sources; their queries overlap in time and ask the same fields.
    const [ownerA, ownerB] = [t.sandbox.client('source-owner', 0), t.sandbox.client('source-owner', 1)];
    const [tokenA, tokenB] = await Promise.all([t.sandbox.tokenFor(ownerA), t.sandbox.tokenFor(ownerB)]);
    const query = `{ nonEmployeeSources(first: 50) { edges { node { iscId name nonEmployeeCount } } }
      nonEmployeeRequests(first: 50) { edges { node { iscId source { iscId } } } } }`;
    const alone = async (token: string) => {
      const result = await t.gql(query, {}, { token });
      expect(result.errors).toBeUndefined();
      return JSON.stringify(result.data);
    };
    const [expectedA, expectedB] = [await alone(tokenA), await alone(tokenB)];
    expect(expectedA).not.toEqual(expectedB);

    const runs = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? tokenA : tokenB));
    const answers = await Promise.all(runs.map((token) => alone(token)));
    for (const [i, answer] of answers.entries()) expect(answer).toBe(i % 2 === 0 ? expectedA : expectedB);

    // A request without a bearer acts as the service account, not as whoever came before it.
    const [service] = await Promise.all([alone(''), alone(tokenA)]);
    expect(service).not.toEqual(expectedA);
  });
});

describe('the message without a bearer names the real cause', () => {
  it('says the service account is not allowed when one is configured but GATEWAY_ALLOW_SERVICE_ACCOUNT=false', async () => {
    const configured = await startGateway({
      serviceAccount: true,
      env: { GATEWAY_ALLOW_SERVICE_ACCOUNT: 'false' },
    });
    const none = await startGateway({ serviceAccount: false });
    try {
      const query = '{ nonEmployeeSources { totalCount } }';
      const [notAllowed, missing] = await Promise.all([configured.gql(query), none.gql(query)]);
      expect(notAllowed.errors?.[0].message).toMatch(/GATEWAY_ALLOW_SERVICE_ACCOUNT=false/);
      expect(missing.errors?.[0].message).toMatch(/no service account/);
    } finally {
      await configured.close();
      await none.close();
    }
  });
});
