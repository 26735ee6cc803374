import { describe, expect, it } from 'vitest';
import { UpstreamBadRequestError } from '../../../src/upstream/errors.ts';
import { f } from '../../../src/upstream/filters.ts';
import { encodePath } from '../../../src/upstream/http-client.ts';
import { listQuery, readTotalCount, toPage } from '../../../src/upstream/operations/context.ts';

describe('encodePath', () => {
  it('encodes each value as one path segment', () => {
    expect(encodePath`/accounts/${'abc'}/enable`).toBe('/accounts/abc/enable');
    expect(encodePath`/non-employee-records/${'a/../b?c=d#e'}`).toBe(
      '/non-employee-records/a%2F..%2Fb%3Fc%3Dd%23e',
    );
    expect(encodePath`/x/${'a b'}/y/${'é'}`).toBe('/x/a%20b/y/%C3%A9');
  });

  it('refuses ids that would change the path', () => {
    for (const id of ['', '.', '..']) {
      expect(() => encodePath`/non-employee-sources/${id}`).toThrow(UpstreamBadRequestError);
    }
  });
});

describe('listQuery', () => {
  it('names the parameters as the spec does and sends count only when asked', () => {
    expect(listQuery({})).toEqual({
      limit: undefined,
      offset: undefined,
      count: undefined,
      filters: undefined,
      sorters: undefined,
    });
    expect(listQuery({ count: false }).count).toBeUndefined();
    expect(
      listQuery({
        limit: 50,
        offset: 100,
        count: true,
        filters: f.eq('sourceId', 's"1'),
        sorters: [{ field: 'created', direction: 'DESC' }],
      }),
    ).toEqual({ limit: 50, offset: 100, count: true, filters: 'sourceId eq "s\\"1"', sorters: '-created' });
  });
});

describe('readTotalCount / toPage', () => {
  it('reads X-Total-Count only when the list was counted', () => {
    expect(readTotalCount({ 'x-total-count': '2000' })).toBe(2000);
    expect(readTotalCount({ 'x-total-count': ['7'] })).toBe(7);
    expect(readTotalCount({ 'x-total-count': 'many' })).toBeNull();
    expect(readTotalCount({})).toBeNull();
    expect(toPage({ data: [1, 2], headers: { 'x-total-count': '9' } }, true)).toEqual({
      items: [1, 2],
      totalCount: 9,
    });
    expect(toPage({ data: [1], headers: { 'x-total-count': '9' } })).toEqual({
      items: [1],
      totalCount: null,
    });
    expect(toPage({ data: undefined, headers: {} }, true)).toEqual({ items: [], totalCount: null });
  });
});
