import { describe, expect, it } from 'vitest';
import { createBudgetedApi } from '../../../src/loaders/guarded-api.ts';
import type { UpstreamApi } from '../../../src/upstream/api.ts';

/** An API whose every method counts its calls and answers at once. */
function countingApi() {
  let calls = 0;
  const api = new Proxy({} as UpstreamApi, {
    get: () => async () => {
      calls += 1;
      return { items: [] };
    },
  });
  return { api, calls: () => calls };
}

describe('createBudgetedApi', () => {
  it('starts no call once the request has ended, and fails it with the reason', async () => {
    const inner = countingApi();
    const controller = new AbortController();
    const api = createBudgetedApi(inner.api, 10, controller.signal);
    await api.getNonEmployeeSource('a');
    controller.abort(new Error('The GraphQL request has been answered.'));
    await expect(api.getNonEmployeeSource('b')).rejects.toThrow('answered');
    expect(inner.calls()).toBe(1);
  });

  it('refuses calls past the budget without making them', async () => {
    const inner = countingApi();
    const api = createBudgetedApi(inner.api, 2);
    await api.getNonEmployeeSource('a');
    await api.getNonEmployeeSource('b');
    await expect(api.getNonEmployeeSource('c')).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_CALL_BUDGET_EXCEEDED' },
    });
    expect(inner.calls()).toBe(2);
  });
});
