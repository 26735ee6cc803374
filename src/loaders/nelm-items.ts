import type DataLoader from 'dataloader';
import type { ListParams, Page, UpstreamApi } from '../upstream/api.ts';
import { f } from '../upstream/filters.ts';
import type { NonEmployeeApprovalSummary, NonEmployeeRequestSummary } from '../upstream/wire/nelm.ts';
import { createByIdLoader } from './by-id.ts';
import type { CallCache } from './call-cache.ts';
import type { ApprovalEntity, RecordEntity, RequestEntity } from './entities.ts';

export type RequestListParams = ListParams & { requestedFor: string };
export type ApprovalListParams = ListParams & { requestedFor?: string };

export interface NelmItemLoaders {
  record: DataLoader<string, RecordEntity | null>;
  request: DataLoader<string, RequestEntity | null>;
  approval: DataLoader<string, ApprovalEntity | null>;
  /** An approval item read with its request's detail; never primed by a list (which has only the lite request). */
  approvalDetail: DataLoader<string, ApprovalEntity | null>;
  requestSummary: DataLoader<string, NonEmployeeRequestSummary | null>;
  approvalSummary: DataLoader<string, NonEmployeeApprovalSummary | null>;
  listRecords(params: ListParams): Promise<Page<RecordEntity>>;
  listRequests(params: RequestListParams): Promise<Page<RequestEntity>>;
  listApprovals(params: ApprovalListParams): Promise<Page<ApprovalEntity>>;
  /** A source's record count through a one-item counted list (shared with an identical list). */
  countRecords(sourceId: string): Promise<number>;
}

/** Records, requests, approvals and the two summaries: by-id loaders primed by every list. */
export function createNelmItemLoaders(api: UpstreamApi, calls: CallCache): NelmItemLoaders {
  const record = createByIdLoader((id) => api.getNonEmployeeRecord(id));
  const request = createByIdLoader<RequestEntity>((id) => api.getNonEmployeeRequest(id));
  const approval = createByIdLoader<ApprovalEntity>((id) => api.getNonEmployeeApproval(id, true));
  const approvalDetail = createByIdLoader<ApprovalEntity>((id) => api.getNonEmployeeApproval(id, true));
  const requestSummary = createByIdLoader((requestedFor) => api.getNonEmployeeRequestSummary(requestedFor));
  const approvalSummary = createByIdLoader((requestedFor) => api.getNonEmployeeApprovalSummary(requestedFor));

  const listRecords = (params: ListParams) =>
    calls.once('records', params, async () => {
      const page = await api.listNonEmployeeRecords(params);
      for (const item of page.items) if (item.id) record.prime(item.id, item);
      return page;
    });

  const listRequests = (params: RequestListParams) =>
    calls.once('requests', params, async () => {
      const page = await api.listNonEmployeeRequests(params);
      for (const item of page.items) if (item.id) request.prime(item.id, item);
      return page;
    });

  const listApprovals = (params: ApprovalListParams) =>
    calls.once('approvals', params, async () => {
      const page = await api.listNonEmployeeApprovals(params);
      for (const item of page.items) if (item.id) approval.prime(item.id, item);
      return page;
    });

  async function countRecords(sourceId: string): Promise<number> {
    const page = await listRecords({ limit: 1, offset: 0, count: true, filters: f.eq('sourceId', sourceId) });
    return page.totalCount ?? page.items.length;
  }

  return {
    record,
    request,
    approval,
    approvalDetail,
    requestSummary,
    approvalSummary,
    listRecords,
    listRequests,
    listApprovals,
    countRecords,
  };
}
