import { AccountsApi, AccountsBetaApi, NonEmployeeLifecycleManagementApi } from 'sailpoint-api-client';
import { describe, expect, it } from 'vitest';
import { CONTRACT_OPERATIONS, operationsOf, type SdkApi } from './operations.ts';

const SDK_CLASSES: Record<SdkApi, { prototype: object }> = {
  nelm: NonEmployeeLifecycleManagementApi,
  accounts: AccountsApi,
  accountsBeta: AccountsBetaApi,
};

describe('the contract table of operations', () => {
  const entries = Object.entries(CONTRACT_OPERATIONS);
  const countOf = (api: SdkApi) => entries.filter(([, operation]) => operation.api === api).length;

  it('holds the 48 operations: 32 NELM, 11 v3 accounts, 5 beta-only accounts', () => {
    expect(entries).toHaveLength(48);
    expect([countOf('nelm'), countOf('accounts'), countOf('accountsBeta')]).toEqual([32, 11, 5]);
  });

  it('gives every operation to exactly one contract suite', () => {
    const suites = (
      ['nelm-sources', 'nelm-bulk', 'nelm-records', 'nelm-requests', 'accounts', 'account-writes'] as const
    ).flatMap(operationsOf);
    expect(suites.sort()).toEqual(entries.map(([operationId]) => operationId).sort());
  });

  it('names each operation by a method of the SDK class it is called on', () => {
    const missing = entries.filter(
      ([operationId, { api }]) =>
        typeof (SDK_CLASSES[api].prototype as Record<string, unknown>)[operationId] !== 'function',
    );
    expect(missing).toEqual([]);
  });
});
