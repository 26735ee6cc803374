import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';

let t: TestGateway;
let admin: string;
let sourceIds: string[];
let restOrder: string[];

const RECORDS = 2_000;

beforeAll(async () => {
  t = await startGateway({ sandbox: { scale: { sources: 2, recordsPerSource: RECORDS } } });
  admin = await t.sandbox.tokenFor('admin');
  const sources = (await (await t.sandbox.api('/v3/non-employee-sources', { token: admin })).json()) as {
    id: string;
  }[];
  sourceIds = sources.map((source) => source.id);
  restOrder = [];
  for (let offset = 0; offset < RECORDS; offset += 250) {
    const filters = encodeURIComponent(`sourceId eq "${sourceIds[0]}"`);
    const response = await t.sandbox.api(
      `/v3/non-employee-records?limit=250&offset=${offset}&filters=${filters}`,
      {
        token: admin,
      },
    );
    restOrder.push(...((await response.json()) as { id: string }[]).map((record) => record.id));
  }
});
afterAll(() => t.close());

const PAGE = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  nonEmployeeSource(id: $id) {
    records(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { iscId } }
    }
  }
}`;

interface Page {
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: { cursor: string; node: { iscId: string } }[];
}

async function records(variables: Record<string, unknown>): Promise<Page> {
  const result = await t.gql(PAGE, { id: sourceIds[0], ...variables }, { token: admin });
  expect(result.errors).toBeUndefined();
  return result.data?.nonEmployeeSource.records as Page;
}

describe('pagination over 2,000 records', () => {
  it('walks forward by cursors: the sandbox order, no duplicates, no gaps, right totalCount and pageInfo', async () => {
    expect(restOrder).toHaveLength(RECORDS);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Page = await records({ first: 250, after });
      expect(page.totalCount).toBe(RECORDS);
      expect(page.pageInfo.hasPreviousPage).toBe(pages > 0);
      seen.push(...page.edges.map((edge) => edge.node.iscId));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
      expect(pages).toBeLessThan(20);
    }
    expect(pages).toBe(8);
    expect(seen).toEqual(restOrder);
  });

  it('walks backward from the end by cursors, with odd page sizes too', async () => {
    const seen: string[] = [];
    let before: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Page = await records({ last: 173, before });
      expect(page.pageInfo.hasNextPage).toBe(pages > 0);
      seen.unshift(...page.edges.map((edge) => edge.node.iscId));
      pages += 1;
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
      expect(pages).toBeLessThan(20);
    }
    expect(pages).toBe(Math.ceil(RECORDS / 173));
    expect(seen).toEqual(restOrder);
  });

  it('is right at both ends', async () => {
    const head = await records({ first: 10 });
    expect(head.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    const tail = await records({ last: 10 });
    expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(tail.edges.map((edge) => edge.node.iscId)).toEqual(restOrder.slice(-10));
    const past = await records({ first: 5, after: tail.pageInfo.endCursor });
    expect(past.edges).toEqual([]);
    expect(past.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a bad cursor, a cursor of another list and out-of-range sizes with clear errors', async () => {
    const page = await records({ first: 5 });
    const cursor = page.pageInfo.endCursor;

    const cases: [string, Record<string, unknown>, RegExp][] = [
      [PAGE, { first: 5, after: 'not-a-cursor' }, /"after" is not a valid cursor/],
      [PAGE, { first: 1000 }, /"first" must be between 1 and 250 \(got 1000\)/],
      [PAGE, { last: 0 }, /"last" must be between 1 and 250/],
      [PAGE, { first: 5, last: 5 }, /either "first" or "last", not both/],
      [PAGE, { id: sourceIds[1], first: 5, after: cursor }, /cursor of another list/],
      [
        `query($after: String) { nonEmployeeRecords(first: 5, after: $after, orderBy: [{ field: EMAIL }]) { totalCount } }`,
        { after: cursor },
        /cursor of another list/,
      ],
    ];
    for (const [query, variables, message] of cases) {
      const result = await t.gql(query, { id: sourceIds[0], ...variables }, { token: admin });
      expect(result.status).toBe(200);
      expect(result.errors?.[0].message).toMatch(message);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('costs one upstream call per page, with or without totalCount', async () => {
    for (const selection of ['edges { cursor }', 'totalCount edges { cursor }']) {
      const { result, stats: calls } = await t.sandbox.callsDuring(() =>
        t.gql(
          `query($id: ID!) { nonEmployeeRecords(sourceId: $id, first: 5) { ${selection} } }`,
          { id: sourceIds[0] },
          { token: admin },
        ),
      );
      expect(result.errors).toBeUndefined();
      expect(calls.total).toBe(1);
    }
  });
});
