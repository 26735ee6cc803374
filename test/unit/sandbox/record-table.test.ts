import { describe, expect, it } from 'vitest';
import { createSeededRecords } from '../../../src/sandbox/seed/seed-records.ts';
import type { RecordRow } from '../../../src/sandbox/store/nelm-rows.ts';
import { createRecordTable } from '../../../src/sandbox/store/record-table.ts';

const DAY = 86_400_000;
const anchor = Date.UTC(2026, 0, 1);
const seeded = (count: number) =>
  createSeededRecords({
    key: 42,
    count,
    idPrefix: '12345678-9abc-4def-8123-4567',
    sourceCreated: anchor - 300 * DAY,
    anchor,
    customAttributes: ['vendor'],
    managers: ['jonas.lindqvist'],
  });

describe('seeded records', () => {
  it('makes the same record from the same index, and reads index back from id and account name', () => {
    const seeds = seeded(20_000);
    const a = seeds.make(1234);
    expect(seeds.make(1234)).toEqual(a);
    expect(a.id).toMatch(/^12345678-9abc-4def-8123-4567[0-9a-f]{8}$/);
    expect(seeds.indexOfId(a.id)).toBe(1234);
    expect(seeds.indexOfAccountName(a.accountName)).toBe(1234);
    expect(new Set(Array.from({ length: 2000 }, (_, i) => seeds.make(i).id)).size).toBe(2000);
  });

  it('spreads end dates on both sides of the anchor, always after the start', () => {
    const seeds = seeded(500);
    const rows = Array.from({ length: 500 }, (_, i) => seeds.make(i));
    expect(rows.some((r) => r.endDate < anchor)).toBe(true);
    expect(rows.some((r) => r.endDate > anchor)).toBe(true);
    expect(rows.every((r) => r.endDate > r.startDate)).toBe(true);
    expect(rows.every((r, i) => i === 0 || r.created >= rows[i - 1].created)).toBe(true);
  });
});

describe('record table', () => {
  const added = (accountName: string): RecordRow => ({
    id: `added-${accountName}`,
    accountName,
    firstName: 'A',
    lastName: 'B',
    email: 'a@b.c',
    phone: '1',
    manager: 'm',
    data: {},
    startDate: 0,
    endDate: 1,
    created: anchor,
    modified: anchor,
  });

  it('pages seeded and added records in creation order, skipping deleted ones', () => {
    const seeds = seeded(10);
    const table = createRecordTable(seeds);
    table.add(added('late.one'));
    expect(table.size).toBe(11);
    expect(table.remove(seeds.make(3).id)).toBe(true);
    expect(table.remove(seeds.make(0).id)).toBe(true);
    expect(table.size).toBe(9);
    expect(table.page(0, 3).map((r) => r.seedIndex)).toEqual([1, 2, 4]);
    expect(table.page(7, 5).map((r) => r.accountName)).toEqual([seeds.make(9).accountName, 'late.one']);
    expect([...table.rows()].map((r) => r.seedIndex ?? 'added')).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 'added']);
    expect(table.byId(seeds.make(3).id)).toBeUndefined();
    expect(table.byAccountName(seeds.make(0).accountName)).toBeUndefined();
  });

  it('replaces a seeded record in place, under its new account name', () => {
    const seeds = seeded(5);
    const table = createRecordTable(seeds);
    const original = seeds.make(2);
    table.replace({ ...original, accountName: 'renamed', lastName: 'New' });
    expect(table.at(2)).toMatchObject({
      id: original.id,
      accountName: 'renamed',
      lastName: 'New',
      seedIndex: 2,
    });
    expect(table.byAccountName('renamed')?.id).toBe(original.id);
    expect(table.byAccountName(original.accountName)).toBeUndefined();
    expect(table.byId(original.id)?.lastName).toBe('New');
    expect(table.remove(original.id)).toBe(true);
    expect(table.byAccountName('renamed')).toBeUndefined();
    expect(table.size).toBe(4);
  });

  it('refuses ids and names that only look like seeds', () => {
    const seeds = seeded(5);
    const table = createRecordTable(seeds);
    expect(table.byId('12345678-9abc-4def-8123-4567ffffffff')).toBeUndefined();
    expect(table.byAccountName('someone.else3')).toBeUndefined();
  });
});
