/** Non-employee records. */
import type { UpstreamApi } from '../api.ts';
import { encodePath } from '../http-client.ts';
import type { DeleteNonEmployeeRecordsInBulkBody, NonEmployeeRecord } from '../wire/nelm.ts';
import { type BoundOperations, listQuery, type OperationContext, toPage } from './context.ts';

type RecordOperations = Pick<
  UpstreamApi,
  | 'listNonEmployeeRecords'
  | 'getNonEmployeeRecord'
  | 'createNonEmployeeRecord'
  | 'updateNonEmployeeRecord'
  | 'patchNonEmployeeRecord'
  | 'deleteNonEmployeeRecord'
  | 'deleteNonEmployeeRecordsInBulk'
>;

export const createNonEmployeeRecordOperations = ({
  nelmVersion: version,
}: OperationContext): BoundOperations<RecordOperations> => ({
  async listNonEmployeeRecords(params) {
    const query = listQuery(params);
    const answer = await this.http.json<NonEmployeeRecord[]>({
      method: 'GET',
      version,
      path: '/non-employee-records',
      query,
    });
    return toPage(answer, params.count);
  },
  async getNonEmployeeRecord(id) {
    const path = encodePath`/non-employee-records/${id}`;
    return (await this.http.json<NonEmployeeRecord>({ method: 'GET', version, path })).data;
  },
  async createNonEmployeeRecord(body) {
    return (
      await this.http.json<NonEmployeeRecord>({
        method: 'POST',
        version,
        path: '/non-employee-records',
        json: body,
      })
    ).data;
  },
  async updateNonEmployeeRecord(id, body) {
    const path = encodePath`/non-employee-records/${id}`;
    return (await this.http.json<NonEmployeeRecord>({ method: 'PUT', version, path, json: body })).data;
  },
  async patchNonEmployeeRecord(id, patch) {
    const path = encodePath`/non-employee-records/${id}`;
    return (await this.http.json<NonEmployeeRecord>({ method: 'PATCH', version, path, jsonPatch: patch }))
      .data;
  },
  async deleteNonEmployeeRecord(id) {
    await this.http.empty({ method: 'DELETE', version, path: encodePath`/non-employee-records/${id}` });
  },
  async deleteNonEmployeeRecordsInBulk(ids) {
    const json: DeleteNonEmployeeRecordsInBulkBody = { ids };
    await this.http.empty({ method: 'POST', version, path: '/non-employee-records/bulk-delete', json });
  },
});
