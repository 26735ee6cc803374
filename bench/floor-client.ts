/**
 * The floor of each benchmark screen: the same REST calls the gateway makes for it, sent
 * straight to the sandbox with undici, each as soon as its inputs are known (minimum depth).
 */
import { Agent, request } from 'undici';

const agent = new Agent({ connections: 512, keepAliveTimeout: 60_000 });

export function createFloorClient(base: string, token: string) {
  const get = async <T>(path: string, query: Record<string, string | number | boolean> = {}): Promise<T> => {
    const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
    const answer = await request(`${base}/v3${path}${search ? `?${search}` : ''}`, {
      dispatcher: agent,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    if (answer.statusCode !== 200) throw new Error(`${path} answered ${answer.statusCode}`);
    return (await answer.body.json()) as T;
  };
  type Approval = { nonEmployeeRequest?: { id: string } };
  type Source = { id: string; sourceId: string };
  type NelmRecord = { accountName: string };
  const allSources = () =>
    get<Source[]>('/non-employee-sources', { limit: 250, offset: 0, 'non-employee-count': true });

  return {
    /** Depth 2: the sources list, both summaries and the approvals at once; then one get per distinct request. */
    async dashboard() {
      const [, , , approvals] = await Promise.all([
        get('/non-employee-sources', { limit: 50, offset: 0, count: true, 'non-employee-count': true }),
        get('/non-employee-requests/summary/me'),
        get('/non-employee-approvals/summary/me'),
        get<Approval[]>('/non-employee-approvals', {
          limit: 10,
          offset: 0,
          filters: 'approvalStatus eq "PENDING"',
        }),
      ]);
      const ids = new Set(approvals.map((approval) => approval.nonEmployeeRequest?.id).filter(Boolean));
      await Promise.all([...ids].map((id) => get(`/non-employee-requests/${id}`)));
    },
    /** Depth 2: the records page and the sources list at once; then one accounts call for the page. */
    async recordsWithAccounts(sourceId: string) {
      const [records, sources] = await Promise.all([
        get<NelmRecord[]>('/non-employee-records', {
          limit: 250,
          offset: 0,
          filters: `sourceId eq "${sourceId}"`,
        }),
        allSources(),
      ]);
      const isc = sources.find((source) => source.id === sourceId)?.sourceId;
      const names = records.map((record) => JSON.stringify(record.accountName)).join(',');
      await get('/accounts', {
        limit: 250,
        offset: 0,
        detailLevel: 'SLIM',
        filters: `sourceId eq "${isc}" and nativeIdentity in (${names})`,
      });
    },
    /** Depth 1: one list. */
    async singleCall() {
      await get('/non-employee-sources', { limit: 50, offset: 0, 'non-employee-count': true });
    },
    allSources,
  };
}
