import { describe, expect, it } from 'vitest';
import {
  readDate,
  readIdentityId,
  valueKind,
  valueProblem,
} from '../../../src/schema/custom-attributes/attribute-rules.ts';

describe('custom attribute values by type', () => {
  it('reads a DATE as an instant: a date alone is midnight UTC, an offset is kept, a day that does not exist is none', () => {
    expect(readDate('2030-06-30')?.toISOString()).toBe('2030-06-30T00:00:00.000Z');
    expect(readDate('2031-12-31T23:00:00-05:00')?.toISOString()).toBe('2032-01-01T04:00:00.000Z');
    expect(readDate('2030-02-30')).toBeNull();
    expect(readDate('2030-13-01')).toBeNull();
    expect(readDate('next June')).toBeNull();
    expect(readDate('30/06/2030')).toBeNull();
  });

  it('reads an IDENTITY as an ISC id, or none', () => {
    expect(readIdentityId(' 2c91808570313110017040b06f344ec9 ')).toBe('2c91808570313110017040b06f344ec9');
    expect(readIdentityId('jane.doe')).toBeNull();
  });

  it('says what is wrong with a value for its type; blank is no value', () => {
    expect(valueProblem('TEXT', 'x'.repeat(255))).toBeNull();
    expect(valueProblem('TEXT', 'x'.repeat(256))).toMatch(/longer than 255/);
    expect(valueProblem('DATE', '')).toBeNull();
    expect(valueProblem('DATE', 'soon')).toMatch(/not a date/);
    expect(valueProblem('IDENTITY', 'jane.doe')).toMatch(/not an identity id/);
    expect(valueProblem('EMAIL', 'nope')).toMatch(/not an email/);
    expect(valueProblem('PHONE', '+1 512 555 0100')).toBeNull();
  });

  it('maps each schema type to its GraphQL value type', () => {
    expect(['TEXT', 'DATE', 'IDENTITY', 'PHONE', 'EMAIL'].map((type) => valueKind(type as never))).toEqual([
      'text',
      'date',
      'identity',
      'text',
      'text',
    ]);
  });
});
