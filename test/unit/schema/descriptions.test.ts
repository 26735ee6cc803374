import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaElements, undescribedElements } from '../../../src/schema/description-coverage.ts';
import { schema } from '../../../src/schema/index.ts';

describe('schema descriptions', () => {
  it('finds every kind of element, those the Relay and errors plugins generate included', () => {
    const coordinates = new Set(schemaElements(schema).map((element) => element.coordinate));
    for (const coordinate of [
      'Query',
      'Node',
      'Node.id',
      'PageInfo.endCursor',
      'NonEmployeeRecordConnection.edges',
      'NonEmployeeRecordEdge.cursor',
      'Query.node(id:)',
      'Query.nonEmployeeRecords(first:)',
      'ApproveNonEmployeeRequestResult',
      'ApproveNonEmployeeRequestInput.comment',
      'ApprovalStatus.PENDING',
    ]) {
      expect(coordinates, coordinate).toContain(coordinate);
    }
  });

  it('names each element without a description', () => {
    const bare = buildSchema(`
      """Described."""
      type Query { a(x: Int): Int  b: E }
      enum E { ONE """Described.""" TWO }
      input I { f: Int }
      directive @d(y: Int) on FIELD
    `);
    expect(undescribedElements(bare).map((element) => `${element.kind} ${element.coordinate}`)).toEqual([
      'field Query.a',
      'argument Query.a(x:)',
      'field Query.b',
      'type E',
      'enum value E.ONE',
      'type I',
      'input field I.f',
      'directive @d',
      'argument @d(y:)',
    ]);
  });

  it('describes every type, field, argument, input field and enum value', () => {
    const missing = undescribedElements(schema).map((element) => `${element.kind} ${element.coordinate}`);
    expect(missing, 'Add a `description:` beside each of these (in src/schema/**)').toEqual([]);
  });
});
