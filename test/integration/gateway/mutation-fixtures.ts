import { expect } from 'vitest';
import type { TestGateway } from '../../helpers/gateway.ts';

/** The failure side of every mutation result: each typed error says what and where. */
export const FAILURE = `__typename ... on Error { message code } ... on ValidationError { path }`;

/** An id nothing in the sandbox has. */
export const UNKNOWN_ID = '0000000000000000000000000000beef';

export const CREATE_SOURCE = `mutation($input: CreateNonEmployeeSourceInput!) {
  createNonEmployeeSource(input: $input) {
    ${FAILURE}
    ... on CreateNonEmployeeSourcePayload {
      cloudExternalId
      nonEmployeeSource { id iscId name description approvers { id } accountManagers { id } nonEmployeeCount
        schemaAttributes { technicalName system } }
    }
  }
}`;

/** The record fields the mutation tests check. */
export const RECORD = 'id iscId accountName firstName email sourceId data startDate endDate';

export const CREATE_RECORD = `mutation($input: CreateNonEmployeeRecordInput!) {
  createNonEmployeeRecord(input: $input) {
    ${FAILURE} ... on CreateNonEmployeeRecordPayload { nonEmployeeRecord { ${RECORD} } }
  }
}`;
export const UPDATE_RECORD = `mutation($input: UpdateNonEmployeeRecordInput!) {
  updateNonEmployeeRecord(input: $input) {
    ${FAILURE} ... on UpdateNonEmployeeRecordPayload { nonEmployeeRecord { ${RECORD} } }
  }
}`;
export const REPLACE_RECORD = `mutation($input: ReplaceNonEmployeeRecordInput!) {
  replaceNonEmployeeRecord(input: $input) {
    ${FAILURE} ... on ReplaceNonEmployeeRecordPayload { nonEmployeeRecord { ${RECORD} } }
  }
}`;

let people = 0;

/** A valid person on `source`, unique per call. */
export function person(source: string, extra: Record<string, unknown> = {}) {
  people += 1;
  const accountName = `graph.person${people}`;
  return {
    sourceId: source,
    accountName,
    firstName: 'Grace',
    lastName: `Hopper${people}`,
    email: `${accountName}@example.com`,
    phone: '5125550100',
    manager: 'jonas.lindqvist',
    startDate: '2030-01-06T00:00:00.000Z',
    endDate: '2030-12-31T00:00:00.000Z',
    ...extra,
  };
}

/** A source made over REST by `token` (an admin), with a custom TEXT attribute `badge`; its ISC id. */
export async function createSourceWithBadge(
  t: TestGateway,
  token: string,
  name: string,
  approvers: string[] = [],
): Promise<string> {
  const response = await t.sandbox.api('/v3/non-employee-sources', {
    token,
    body: {
      name,
      description: 'For record mutations',
      owner: { id: t.sandbox.client('source-owner').identityId },
      approvers: approvers.map((id) => ({ id })),
      accountManagers: [{ id: t.sandbox.client('account-manager').identityId }],
    },
  });
  expect(response.status).toBe(200);
  const id = ((await response.json()) as { id: string }).id;
  const attribute = await t.sandbox.api(`/v3/non-employee-sources/${id}/schema-attributes`, {
    token,
    body: { type: 'TEXT', label: 'Badge', technicalName: 'badge' },
  });
  expect(attribute.status).toBe(200);
  return id;
}

let sources = 0;

/** A source made through the graph by `token` (an admin), with a unique name. */
export async function createGraphSource(
  t: TestGateway,
  token: string,
  ownerId: string,
  extra: Record<string, unknown> = {},
) {
  sources += 1;
  const input = { name: `Mutation test ${sources}`, description: 'Made by a test', owner: ownerId, ...extra };
  const result = await t.gql(CREATE_SOURCE, { input }, { token });
  expect(result.errors).toBeUndefined();
  expect(result.data?.createNonEmployeeSource.__typename).toBe('CreateNonEmployeeSourcePayload');
  return result.data?.createNonEmployeeSource.nonEmployeeSource as {
    id: string;
    iscId: string;
    name: string;
  };
}
