import { describe, expect, it } from 'vitest';
import { DateTimeScalar } from '../../../src/schema/date-time-scalar.ts';

describe('DateTime input', () => {
  it('takes a date alone as midnight UTC, in variables and in literals', () => {
    expect((DateTimeScalar.parseValue('2027-01-01') as Date).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    const literal = DateTimeScalar.parseLiteral(
      { kind: 'StringValue', value: '2027-01-01' } as never,
      {},
    ) as Date;
    expect(literal.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('keeps a full instant, and still refuses what is no date', () => {
    expect((DateTimeScalar.parseValue('2027-01-01T09:30:00+02:00') as Date).toISOString()).toBe(
      '2027-01-01T07:30:00.000Z',
    );
    expect(() => DateTimeScalar.parseValue('2027-13-01')).toThrow();
    expect(() => DateTimeScalar.parseValue('tomorrow')).toThrow();
  });
});
