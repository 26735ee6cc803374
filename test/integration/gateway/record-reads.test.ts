// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';

let t: TestGateway;
let admin: string;

beforeAll(async () => {
  t = await startGateway();
  admin = await t.sandbox.tokenFor('admin');
});
afterAll(() => t.close());

const rest = <T>(path: string): Promise<T> => t.sandbox.getJson<T>(path, admin);

describe('reads of non-employee records', () => {
  it('reads a record with every field, its source and its account', async () => {
    const [record] = await rest<Record<string, any>[]>('/v3/non-employee-records?limit=1');
    const result = await t.gql(
      `query($id: ID!) { nonEmployeeRecord(id: $id) { id iscId accountName firstName lastName email phone manager
        sourceId data startDate endDate created modified
        source { iscId sourceId } account { id iscId nativeIdentity disabled locked sourceId } } }`,
      { id: record.id },
      { token: admin },
    );
    expect(result.errors).toBeUndefined();
    const node = result.data?.nonEmployeeRecord;
    expect(node).toMatchObject({
      iscId: record.id,
      accountName: record.accountName,
      firstName: record.firstName,
      lastName: record.lastName,
      email: record.email,
      phone: record.phone,
      manager: record.manager,
      sourceId: record.sourceId,
      data: record.data,
      startDate: record.startDate,
      endDate: record.endDate,
      created: record.created,
      modified: record.modified,
    });
    expect(node.source.iscId).toBe(record.sourceId);
    expect(node.account).toMatchObject({
      nativeIdentity: record.accountName,
      sourceId: node.source.sourceId,
    });
  });
});
