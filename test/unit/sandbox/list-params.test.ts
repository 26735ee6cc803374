import { describe, expect, it } from 'vitest';
import { type ListSpec, parseListParams } from '../../../src/sandbox/collections/list-params.ts';
import {
  createComparator,
  parseSorters,
  sortedOrder,
  sortValue,
} from '../../../src/sandbox/collections/sorters.ts';
import { isSandboxError } from '../../../src/sandbox/http/sandbox-error.ts';
import { ACCOUNT_FILTERS, RECORD_FILTERS, RECORD_SORTERS } from '../../../src/upstream/wire/collections.ts';

const query = (text: string) => new URLSearchParams(text);
const records: ListSpec = { filterable: RECORD_FILTERS, sortable: RECORD_SORTERS };

function failure(text: string, spec: ListSpec = records): string {
  try {
    parseListParams(query(text), spec);
  } catch (error) {
    if (isSandboxError(error) && error.status === 400) return error.message;
    throw error;
  }
  throw new Error(`'${text}' was accepted`);
}

describe('collection parameters', () => {
  it('defaults to limit 250, offset 0, no count', () => {
    expect(parseListParams(query(''), records)).toEqual({ limit: 250, offset: 0, count: false, sorters: [] });
  });

  it('takes limit 0..250, offset >= 0 and count=true', () => {
    expect(parseListParams(query('limit=0&offset=40&count=true'), records)).toMatchObject({
      limit: 0,
      offset: 40,
      count: true,
    });
    expect(failure('limit=251')).toMatch(/limit/);
    expect(failure('limit=-1')).toMatch(/limit/);
    expect(failure('limit=ten')).toMatch(/limit/);
    expect(failure('offset=-5')).toMatch(/offset/);
    expect(failure('count=yes')).toMatch(/count/);
  });

  it('allows only the fields and operators an endpoint lists', () => {
    expect(parseListParams(query('filters=sourceId eq "abc"'), records).filter).toMatchObject({
      field: 'sourceId',
    });
    expect(failure('filters=sourceId sw "abc"')).toMatch(
      /operator 'sw' is not supported for field 'sourceId'/,
    );
    expect(failure('filters=accountName eq "abc"')).toMatch(/not supported for field 'accountName'/);
    expect(failure('filters=sourceId eq "a" and accountName eq "b"')).toMatch(/accountName/);
    expect(failure('filters=sourceId eq 12')).toMatch(/string values/);
    expect(failure('filters=name eq "x"', {})).toMatch(/does not support 'filters'/);
  });

  it('knows the accounts allow-list', () => {
    const accounts = { filterable: ACCOUNT_FILTERS };
    expect(
      parseListParams(query('filters=sourceId eq "s" and nativeIdentity in ("a","b")'), accounts).filter,
    ).toMatchObject({ kind: 'and' });
    expect(parseListParams(query('filters=created ge 2024-01-01T00:00:00Z'), accounts).filter).toMatchObject({
      kind: 'compare',
      field: 'created',
      op: 'ge',
      value: { type: 'date', epochMs: Date.UTC(2024, 0, 1) },
    });
    expect(parseListParams(query('filters=recommendation.method isnull'), accounts).filter).toEqual({
      kind: 'isnull',
      field: 'recommendation.method',
    });
    expect(failure('filters=name co "x"', accounts)).toMatch(/operator 'co'/);
    expect(failure('filters=uncorrelated eq "true"', accounts)).toMatch(/boolean/);
  });

  it('parses sorters against the allow-list', () => {
    expect(parseSorters('-created,accountName', RECORD_SORTERS)).toEqual([
      { field: 'created', descending: true },
      { field: 'accountName', descending: false },
    ]);
    expect(failure('sorters=-password')).toMatch(/Sorting is not supported for field 'password'/);
    expect(failure('sorters=accountName,')).toMatch(/empty sort field/);
  });

  it('sorts by several keys, descending with -, absent values last', () => {
    const rows = [
      { a: 'b', b: 2 },
      { a: 'a', b: 1 },
      { a: 'b', b: 1 },
      { a: undefined, b: 9 },
    ];
    const sorted = [...rows].sort(
      createComparator(
        parseSorters('a,-b', ['a', 'b']),
        (row, field) => (row as Record<string, unknown>)[field],
      ),
    );
    expect(sorted).toEqual([rows[1], rows[0], rows[2], rows[3]]);
  });

  it('orders precomputed columns the same way as the comparator', () => {
    const rows = [
      { a: 'B', b: 2 },
      { a: 'a', b: 1 },
      { a: 'b', b: 1 },
      { a: undefined, b: 9 },
    ];
    const keys = parseSorters('a,-b', ['a', 'b']);
    const columns = keys.map((key) =>
      rows.map((row) => sortValue((row as Record<string, unknown>)[key.field])),
    );
    expect(Array.from(sortedOrder(columns, keys))).toEqual([1, 0, 2, 3]);
  });
});
