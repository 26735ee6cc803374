import { describe, expect, it } from 'vitest';
import { createListFingerprint, encodeCursor } from '../../../src/schema/pagination/cursor.ts';
import {
  type ConnectionArgs,
  resolveOffsetConnection,
} from '../../../src/schema/pagination/offset-connection.ts';
import type { Page } from '../../../src/upstream/api.ts';

const items = Array.from({ length: 23 }, (_, index) => `item-${index}`);
const fingerprint = createListFingerprint({ endpoint: 'things', sorters: [] });

/** An offset-paged list over an array, recording each call the pager makes. */
function createList(data: string[]) {
  const calls: { offset: number; limit: number; count: boolean }[] = [];
  const fetchPage = async (offset: number, limit: number, count: boolean): Promise<Page<string>> => {
    calls.push({ offset, limit, count });
    if (limit > 250) throw new Error(`limit ${limit} is above the API maximum`);
    return { items: data.slice(offset, offset + limit), totalCount: count ? data.length : null };
  };
  return { calls, fetchPage };
}

const page = (args: ConnectionArgs, wantTotal = false, data = items) => {
  const list = createList(data);
  return resolveOffsetConnection({ args, fingerprint: () => fingerprint, wantTotal }, list.fetchPage).then(
    (connection) => ({
      connection,
      calls: list.calls,
      nodes: connection.edges.map((edge) => edge.node),
    }),
  );
};

describe('resolveOffsetConnection', () => {
  it('pages forward with one call per page, fetching one extra item for hasNextPage', async () => {
    const first = await page({ first: 10 });
    expect(first.nodes).toEqual(items.slice(0, 10));
    expect(first.calls).toEqual([{ offset: 0, limit: 11, count: false }]);
    expect(first.connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const second = await page({ first: 10, after: first.connection.pageInfo.endCursor });
    expect(second.nodes).toEqual(items.slice(10, 20));
    expect(second.connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const third = await page({ first: 10, after: second.connection.pageInfo.endCursor });
    expect(third.nodes).toEqual(items.slice(20));
    expect(third.connection.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('is exact at the end when the page ends exactly on the last item', async () => {
    const exact = await page({ first: 23 });
    expect(exact.connection.pageInfo.hasNextPage).toBe(false);
    const oneShort = await page({ first: 22 });
    expect(oneShort.connection.pageInfo.hasNextPage).toBe(true);
  });

  it('counts instead of over-fetching when first is 250 (limit+1 would pass the API maximum)', async () => {
    const data = Array.from({ length: 250 }, (_, index) => String(index));
    const result = await page({ first: 250 }, false, data);
    expect(result.calls).toEqual([{ offset: 0, limit: 250, count: true }]);
    expect(result.connection.pageInfo.hasNextPage).toBe(false);
  });

  it('asks count=true only when totalCount is wanted', async () => {
    const counted = await page({ first: 5 }, true);
    expect(counted.calls).toEqual([{ offset: 0, limit: 5, count: true }]);
    expect(counted.connection.totalCount).toBe(23);
    expect(counted.connection.pageInfo.hasNextPage).toBe(true);
    const plain = await page({ first: 5 }, false);
    expect(plain.calls).toEqual([{ offset: 0, limit: 6, count: false }]);
    expect(plain.connection.totalCount).toBeNull();
  });

  it('defaults to the first 50', async () => {
    const data = Array.from({ length: 80 }, (_, index) => String(index));
    const result = await page({}, false, data);
    expect(result.nodes).toHaveLength(50);
  });

  it('takes last without before as the end of the list: one call when it holds the tail already', async () => {
    const small = await page({ last: 30 });
    expect(small.nodes).toEqual(items);
    expect(small.calls).toHaveLength(1);
    expect(small.connection.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });

    const tail = await page({ last: 5 });
    expect(tail.nodes).toEqual(items.slice(18));
    expect(tail.calls).toEqual([
      { offset: 0, limit: 5, count: true },
      { offset: 18, limit: 5, count: false },
    ]);
    expect(tail.connection.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('pages backward with last/before down to the start', async () => {
    const tail = await page({ last: 10 });
    expect(tail.nodes).toEqual(items.slice(13));
    const middle = await page({ last: 10, before: tail.connection.pageInfo.startCursor });
    expect(middle.nodes).toEqual(items.slice(3, 13));
    expect(middle.connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const head = await page({ last: 10, before: middle.connection.pageInfo.startCursor });
    expect(head.nodes).toEqual(items.slice(0, 3));
    expect(head.connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('bounds a first page by before', async () => {
    const before = encodeCursor(4, fingerprint);
    const result = await page({ first: 10, before });
    expect(result.nodes).toEqual(items.slice(0, 4));
    expect(result.connection.pageInfo.hasNextPage).toBe(true);
  });

  it('gives edges cursors that point at their own offset', async () => {
    const result = await page({ first: 3 });
    const again = await page({ first: 1, after: result.connection.edges[1].cursor });
    expect(again.nodes).toEqual([items[2]]);
  });

  it('returns an empty page with null cursors past the end', async () => {
    const result = await page({ first: 5, after: encodeCursor(40, fingerprint) });
    expect(result.nodes).toEqual([]);
    expect(result.connection.pageInfo).toMatchObject({
      startCursor: null,
      endCursor: null,
      hasNextPage: false,
    });
  });

  it.each([
    [{ first: 0 }, /"first" must be between 1 and 250/],
    [{ first: 1000 }, /"first" must be between 1 and 250 \(got 1000\)/],
    [{ last: -1 }, /"last" must be between 1 and 250/],
    [{ first: 5, last: 5 }, /either "first" or "last", not both/],
    [{ first: 5, after: 'garbage!' }, /"after" is not a valid cursor/],
    [
      { first: 5, after: Buffer.from('{"o":-3,"l":"x"}').toString('base64url') },
      /"after" is not a valid cursor/,
    ],
    [{ last: 5, before: encodeCursor(3, 'another-list') }, /"before" is a cursor of another list/],
  ] as [ConnectionArgs, RegExp][])('refuses %o with BAD_USER_INPUT', async (args, message) => {
    const error = await page(args).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect((error as { extensions?: { code?: string } }).extensions?.code).toBe('BAD_USER_INPUT');
  });
});
