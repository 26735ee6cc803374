/** The beta-only account operations: always under beta, whatever version the NELM paths use. */
import type { UpstreamApi } from '../api.ts';
import { encodePath, type UpstreamHttp } from '../http-client.ts';
import type { BulkIdentitiesAccountsResponse, TaskResultDto } from '../wire/accounts.ts';
import { toAsyncResult } from './context.ts';

type BetaAccountOperations = Pick<
  UpstreamApi,
  | 'deleteAccountAsync'
  | 'enableAccountForIdentity'
  | 'disableAccountForIdentity'
  | 'enableAccountsForIdentities'
  | 'disableAccountsForIdentities'
>;

const version = 'beta';

export const createIdentitiesAccountOperations = ({
  http,
}: {
  http: UpstreamHttp;
}): BetaAccountOperations => {
  const bulk = async (path: string, identityIds: string[]): Promise<BulkIdentitiesAccountsResponse[]> => {
    // 207 Multi-Status: one entry per identity, each with its own status code.
    const { data } = await http.json<BulkIdentitiesAccountsResponse[]>({
      method: 'POST',
      version,
      path,
      json: { identityIds },
    });
    return Array.isArray(data) ? data : [];
  };

  return {
    async deleteAccountAsync(id) {
      const path = encodePath`/accounts/${id}/remove`;
      return (await http.json<TaskResultDto>({ method: 'POST', version, path })).data;
    },
    async enableAccountForIdentity(identityId) {
      const path = encodePath`/identities-accounts/${identityId}/enable`;
      return toAsyncResult((await http.json<unknown>({ method: 'POST', version, path })).data);
    },
    async disableAccountForIdentity(identityId) {
      const path = encodePath`/identities-accounts/${identityId}/disable`;
      return toAsyncResult((await http.json<unknown>({ method: 'POST', version, path })).data);
    },
    enableAccountsForIdentities(identityIds) {
      return bulk('/identities-accounts/enable', identityIds);
    },
    disableAccountsForIdentities(identityIds) {
      return bulk('/identities-accounts/disable', identityIds);
    },
  };
};
