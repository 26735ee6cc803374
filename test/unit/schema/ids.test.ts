import { describe, expect, it } from 'vitest';
import { encodeNodeId, parseIdArgument, tryDecodeNodeId } from '../../../src/schema/ids.ts';
import { decodeNodeIdOrMark } from '../../../src/schema/node-lookups.ts';

const hexId = '2c9180835d2e5168015d32f890ca1581';

describe('node ids', () => {
  it('round-trips a global id, compound ids included', () => {
    const id = encodeNodeId('NonEmployeeSchemaAttribute', `${hexId}:attr-1`);
    expect(tryDecodeNodeId(id)).toEqual({ typename: 'NonEmployeeSchemaAttribute', id: `${hexId}:attr-1` });
  });

  it('does not mistake a raw ISC id for a global id, though it is valid base64', () => {
    expect(tryDecodeNodeId(hexId)).toBeNull();
    expect(parseIdArgument(hexId, 'NonEmployeeRecord')).toBe(hexId);
    expect(parseIdArgument('a0303682-5e4a-44f7-bdc2-6ce6112549c1', 'NonEmployeeSource')).toBe(
      'a0303682-5e4a-44f7-bdc2-6ce6112549c1',
    );
  });

  it('accepts a global id of the expected type', () => {
    expect(parseIdArgument(encodeNodeId('NonEmployeeRecord', hexId), 'NonEmployeeRecord')).toBe(hexId);
  });

  it('refuses a global id of another type, naming both', () => {
    expect(() =>
      parseIdArgument(encodeNodeId('NonEmployeeRecord', hexId), 'NonEmployeeSource', 'sourceId'),
    ).toThrow(/"sourceId" expects a NonEmployeeSource id, but .* is a NonEmployeeRecord id/);
  });

  it.each(['', 'has spaces', '"quoted"', 'a"b', 'x'.repeat(300), 'id) or (1 eq 1'])(
    'refuses the malformed id %j with BAD_USER_INPUT',
    (value) => {
      let caught: unknown;
      try {
        parseIdArgument(value, 'NonEmployeeRecord');
      } catch (error) {
        caught = error;
      }
      expect((caught as { extensions?: { code?: string } }).extensions?.code).toBe('BAD_USER_INPUT');
    },
  );

  it('marks, for node and nodes, ids naming unknown types or carrying no ISC id', () => {
    const invalid = (value: string) => ({ typename: '', id: value });
    expect(decodeNodeIdOrMark(encodeNodeId('User', '1'))).toEqual(invalid(encodeNodeId('User', '1')));
    expect(decodeNodeIdOrMark(hexId)).toEqual(invalid(hexId));
    expect(decodeNodeIdOrMark('abc')).toEqual(invalid('abc'));
    expect(decodeNodeIdOrMark('')).toEqual(invalid(''));
    const notIsc = encodeNodeId('NonEmployeeRecord', 'abc');
    expect(decodeNodeIdOrMark(notIsc)).toEqual(invalid(notIsc));
    const attribute = encodeNodeId('NonEmployeeSchemaAttribute', `${hexId}:${hexId}`);
    expect(decodeNodeIdOrMark(attribute)).toEqual({
      typename: 'NonEmployeeSchemaAttribute',
      id: `${hexId}:${hexId}`,
    });
  });
});
