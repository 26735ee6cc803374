/** Non-employee sources, their CSV exports and bulk upload. */
import { FormData } from 'undici';
import type { CsvDownload, UpstreamApi } from '../api.ts';
import { encodePath, type UpstreamCall, type UpstreamHttp } from '../http-client.ts';
import type {
  NonEmployeeBulkUploadJob,
  NonEmployeeBulkUploadStatus,
  NonEmployeeSource,
  NonEmployeeSourceWithCloudExternalId,
  NonEmployeeSourceWithNECount,
} from '../wire/nelm.ts';
import { type BoundOperations, listQuery, type OperationContext, toPage } from './context.ts';

type SourceOperations = Pick<
  UpstreamApi,
  | 'listNonEmployeeSources'
  | 'getNonEmployeeSource'
  | 'createNonEmployeeSource'
  | 'patchNonEmployeeSource'
  | 'deleteNonEmployeeSource'
  | 'exportNonEmployeeRecords'
  | 'exportNonEmployeeSourceSchemaTemplate'
  | 'importNonEmployeeRecordsInBulk'
  | 'getNonEmployeeBulkUploadStatus'
>;

const header = (value: string | string[] | undefined): string | null =>
  (Array.isArray(value) ? value[0] : value) ?? null;

export const createNonEmployeeSourceOperations = ({
  nelmVersion: version,
}: OperationContext): BoundOperations<SourceOperations> => {
  const download = async (http: UpstreamHttp, path: string): Promise<CsvDownload> => {
    const call: UpstreamCall = { method: 'GET', version, path, accept: 'text/csv' };
    const { body, headers } = await http.stream(call);
    return {
      body,
      contentType: header(headers['content-type']) ?? 'text/csv',
      contentDisposition: header(headers['content-disposition']),
    };
  };

  return {
    async listNonEmployeeSources(params) {
      const answer = await this.http.json<NonEmployeeSourceWithNECount[]>({
        method: 'GET',
        version,
        path: '/non-employee-sources',
        query: {
          ...listQuery(params),
          'requested-for': params.requestedFor,
          'non-employee-count': params.nonEmployeeCount ? true : undefined,
        },
      });
      return toPage(answer, params.count);
    },
    async getNonEmployeeSource(sourceId) {
      const path = encodePath`/non-employee-sources/${sourceId}`;
      return (await this.http.json<NonEmployeeSource>({ method: 'GET', version, path })).data;
    },
    async createNonEmployeeSource(body) {
      const call: UpstreamCall = { method: 'POST', version, path: '/non-employee-sources', json: body };
      return (await this.http.json<NonEmployeeSourceWithCloudExternalId>(call)).data;
    },
    async patchNonEmployeeSource(sourceId, patch) {
      const path = encodePath`/non-employee-sources/${sourceId}`;
      return (await this.http.json<NonEmployeeSource>({ method: 'PATCH', version, path, jsonPatch: patch }))
        .data;
    },
    async deleteNonEmployeeSource(sourceId) {
      await this.http.empty({
        method: 'DELETE',
        version,
        path: encodePath`/non-employee-sources/${sourceId}`,
      });
    },
    exportNonEmployeeRecords(sourceId) {
      return download(this.http, encodePath`/non-employee-sources/${sourceId}/non-employees/download`);
    },
    exportNonEmployeeSourceSchemaTemplate(sourceId) {
      return download(
        this.http,
        encodePath`/non-employee-sources/${sourceId}/schema-attributes-template/download`,
      );
    },
    async importNonEmployeeRecordsInBulk(sourceId, csv, filename) {
      const form = new FormData();
      // The spec names the file part `data`.
      form.append('data', csv, filename);
      const path = encodePath`/non-employee-sources/${sourceId}/non-employee-bulk-upload`;
      return (await this.http.json<NonEmployeeBulkUploadJob>({ method: 'POST', version, path, form })).data;
    },
    async getNonEmployeeBulkUploadStatus(sourceId) {
      const path = encodePath`/non-employee-sources/${sourceId}/non-employee-bulk-upload/status`;
      return (await this.http.json<NonEmployeeBulkUploadStatus>({ method: 'GET', version, path })).data;
    },
  };
};
