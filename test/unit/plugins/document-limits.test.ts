import { describe, expect, it } from 'vitest';
import { createBoundedCache } from '../../../src/plugins/bounded-cache.ts';
import { measureDocumentNesting, measureValueDepth } from '../../../src/plugins/nesting-depth.ts';

describe('measureDocumentNesting', () => {
  it('counts value nesting inside arguments, not selection sets', () => {
    const nesting = measureDocumentNesting('{ a { b(x: [[1]], y: {z: [2]}) { c } } }');
    expect(nesting.valueDepth).toBe(2);
    expect(nesting.totalDepth).toBe(5);
  });

  it('skips brackets in strings, block strings and comments', () => {
    const text = '{ a(x: "[[[[", y: """ {{{{ \\""" [[[ """) # [[[[[[\n }';
    expect(measureDocumentNesting(text)).toEqual({ valueDepth: 0, totalDepth: 2 });
  });

  it('measures 100,000 brackets without recursion', () => {
    const deep = `{ a(x: ${'['.repeat(100_000)}${']'.repeat(100_000)}) }`;
    expect(measureDocumentNesting(deep).valueDepth).toBe(100_000);
  });

  it('counts variable definitions (types and defaults) as values', () => {
    expect(measureDocumentNesting('query($x: [[ID]] = [[[1]]]) { a }').valueDepth).toBe(3);
  });
});

describe('measureValueDepth', () => {
  it('is 0 for scalars and counts arrays and objects alike', () => {
    expect(measureValueDepth('x')).toBe(0);
    expect(measureValueDepth(null)).toBe(0);
    expect(measureValueDepth({ a: [{ b: 1 }] })).toBe(3);
  });

  it('stops early past the bound', () => {
    let value: unknown = 1;
    for (let i = 0; i < 50_000; i++) value = [value];
    expect(measureValueDepth(value, 40)).toBe(41);
  });
});

describe('createBoundedCache', () => {
  it('evicts the least recently used past its count', () => {
    const cache = createBoundedCache<number>({ maxEntries: 2, maxWeight: 1000 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });

  it('evicts past its total weight, and never keeps an entry heavier than the whole', () => {
    const cache = createBoundedCache<number>({ maxEntries: 100, maxWeight: 10 });
    cache.set('aaaa', 1);
    cache.set('bbbb', 2);
    cache.set('cccc', 3);
    expect(cache.weight).toBeLessThanOrEqual(10);
    expect(cache.get('aaaa')).toBeUndefined();
    cache.set('x'.repeat(11), 4);
    expect(cache.get('x'.repeat(11))).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});
