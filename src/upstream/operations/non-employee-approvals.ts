/** Approval items: list, get, approve, reject, and the approver's summary. */
import type { UpstreamApi } from '../api.ts';
import { encodePath } from '../http-client.ts';
import type {
  NonEmployeeApprovalDecision,
  NonEmployeeApprovalItem,
  NonEmployeeApprovalItemDetail,
  NonEmployeeApprovalSummary,
  NonEmployeeRejectApprovalDecision,
} from '../wire/nelm.ts';
import { type BoundOperations, listQuery, type OperationContext, toPage } from './context.ts';

type ApprovalOperations = Pick<
  UpstreamApi,
  | 'listNonEmployeeApprovals'
  | 'getNonEmployeeApproval'
  | 'approveNonEmployeeRequest'
  | 'rejectNonEmployeeRequest'
  | 'getNonEmployeeApprovalSummary'
>;

export const createNonEmployeeApprovalOperations = ({
  nelmVersion: version,
}: OperationContext): BoundOperations<ApprovalOperations> => ({
  async listNonEmployeeApprovals(params) {
    const answer = await this.http.json<NonEmployeeApprovalItem[]>({
      method: 'GET',
      version,
      path: '/non-employee-approvals',
      query: { ...listQuery(params), 'requested-for': params.requestedFor },
    });
    return toPage(answer, params.count);
  },
  async getNonEmployeeApproval(id, includeDetail) {
    const path = encodePath`/non-employee-approvals/${id}`;
    const query = { 'include-detail': includeDetail };
    return (await this.http.json<NonEmployeeApprovalItemDetail>({ method: 'GET', version, path, query }))
      .data;
  },
  async approveNonEmployeeRequest(id, comment) {
    const path = encodePath`/non-employee-approvals/${id}/approve`;
    // The body is required even when there is nothing to say.
    const json: NonEmployeeApprovalDecision = comment === undefined ? {} : { comment };
    return (await this.http.json<NonEmployeeApprovalItem>({ method: 'POST', version, path, json })).data;
  },
  async rejectNonEmployeeRequest(id, comment) {
    const path = encodePath`/non-employee-approvals/${id}/reject`;
    const json: NonEmployeeRejectApprovalDecision = { comment };
    return (await this.http.json<NonEmployeeApprovalItem>({ method: 'POST', version, path, json })).data;
  },
  async getNonEmployeeApprovalSummary(requestedFor) {
    const path = encodePath`/non-employee-approvals/summary/${requestedFor}`;
    return (await this.http.json<NonEmployeeApprovalSummary>({ method: 'GET', version, path })).data;
  },
});
