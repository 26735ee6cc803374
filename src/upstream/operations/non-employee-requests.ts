/** Non-employee requests and their summary. */
import type { UpstreamApi } from '../api.ts';
import { encodePath } from '../http-client.ts';
import type { NonEmployeeRequest, NonEmployeeRequestSummary } from '../wire/nelm.ts';
import { type BoundOperations, listQuery, type OperationContext, toPage } from './context.ts';

type RequestOperations = Pick<
  UpstreamApi,
  | 'listNonEmployeeRequests'
  | 'getNonEmployeeRequest'
  | 'createNonEmployeeRequest'
  | 'deleteNonEmployeeRequest'
  | 'getNonEmployeeRequestSummary'
>;

export const createNonEmployeeRequestOperations = ({
  nelmVersion: version,
}: OperationContext): BoundOperations<RequestOperations> => ({
  async listNonEmployeeRequests(params) {
    const answer = await this.http.json<NonEmployeeRequest[]>({
      method: 'GET',
      version,
      path: '/non-employee-requests',
      query: { ...listQuery(params), 'requested-for': params.requestedFor },
    });
    return toPage(answer, params.count);
  },
  async getNonEmployeeRequest(id) {
    const path = encodePath`/non-employee-requests/${id}`;
    return (await this.http.json<NonEmployeeRequest>({ method: 'GET', version, path })).data;
  },
  async createNonEmployeeRequest(body) {
    const call = { method: 'POST', version, path: '/non-employee-requests', json: body } as const;
    return (await this.http.json<NonEmployeeRequest>(call)).data;
  },
  async deleteNonEmployeeRequest(id) {
    await this.http.empty({ method: 'DELETE', version, path: encodePath`/non-employee-requests/${id}` });
  },
  async getNonEmployeeRequestSummary(requestedFor) {
    const path = encodePath`/non-employee-requests/summary/${requestedFor}`;
    return (await this.http.json<NonEmployeeRequestSummary>({ method: 'GET', version, path })).data;
  },
});
