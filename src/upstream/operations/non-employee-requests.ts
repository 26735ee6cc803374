/** Non-employee requests and their summary. */
import type { UpstreamApi } from '../api.ts';
import { encodePath } from '../http-client.ts';
import type { NonEmployeeRequest, NonEmployeeRequestSummary } from '../wire/nelm.ts';
import { listQuery, type OperationContext, toPage } from './context.ts';

type RequestOperations = Pick<
  UpstreamApi,
  | 'listNonEmployeeRequests'
  | 'getNonEmployeeRequest'
  | 'createNonEmployeeRequest'
  | 'deleteNonEmployeeRequest'
  | 'getNonEmployeeRequestSummary'
>;

export const createNonEmployeeRequestOperations = ({
  http,
  nelmVersion: version,
}: OperationContext): RequestOperations => ({
  async listNonEmployeeRequests(params) {
    const answer = await http.json<NonEmployeeRequest[]>({
      method: 'GET',
      version,
      path: '/non-employee-requests',
      query: { ...listQuery(params), 'requested-for': params.requestedFor },
    });
    return toPage(answer, params.count);
  },
  async getNonEmployeeRequest(id) {
    const path = encodePath`/non-employee-requests/${id}`;
    return (await http.json<NonEmployeeRequest>({ method: 'GET', version, path })).data;
  },
  async createNonEmployeeRequest(body) {
    const call = { method: 'POST', version, path: '/non-employee-requests', json: body } as const;
    return (await http.json<NonEmployeeRequest>(call)).data;
  },
  async deleteNonEmployeeRequest(id) {
    await http.empty({ method: 'DELETE', version, path: encodePath`/non-employee-requests/${id}` });
  },
  async getNonEmployeeRequestSummary(requestedFor) {
    const path = encodePath`/non-employee-requests/summary/${requestedFor}`;
    return (await http.json<NonEmployeeRequestSummary>({ method: 'GET', version, path })).data;
  },
});
