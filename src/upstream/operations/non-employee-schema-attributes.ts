/** Schema attributes of a non-employee source. */
import type { UpstreamApi } from '../api.ts';
import { encodePath } from '../http-client.ts';
import type { NonEmployeeSchemaAttribute } from '../wire/nelm.ts';
import type { BoundOperations, OperationContext } from './context.ts';

type SchemaAttributeOperations = Pick<
  UpstreamApi,
  | 'getNonEmployeeSourceSchemaAttributes'
  | 'createNonEmployeeSourceSchemaAttributes'
  | 'deleteNonEmployeeSourceSchemaAttributes'
  | 'getNonEmployeeSchemaAttribute'
  | 'patchNonEmployeeSchemaAttribute'
  | 'deleteNonEmployeeSchemaAttribute'
>;

export const createNonEmployeeSchemaAttributeOperations = ({
  nelmVersion: version,
}: OperationContext): BoundOperations<SchemaAttributeOperations> => ({
  async getNonEmployeeSourceSchemaAttributes(sourceId) {
    const path = encodePath`/non-employee-sources/${sourceId}/schema-attributes`;
    const { data } = await this.http.json<NonEmployeeSchemaAttribute[]>({ method: 'GET', version, path });
    return Array.isArray(data) ? data : [];
  },
  async createNonEmployeeSourceSchemaAttributes(sourceId, body) {
    const path = encodePath`/non-employee-sources/${sourceId}/schema-attributes`;
    return (await this.http.json<NonEmployeeSchemaAttribute>({ method: 'POST', version, path, json: body }))
      .data;
  },
  async deleteNonEmployeeSourceSchemaAttributes(sourceId) {
    await this.http.empty({
      method: 'DELETE',
      version,
      path: encodePath`/non-employee-sources/${sourceId}/schema-attributes`,
    });
  },
  async getNonEmployeeSchemaAttribute(sourceId, attributeId) {
    const path = encodePath`/non-employee-sources/${sourceId}/schema-attributes/${attributeId}`;
    return (await this.http.json<NonEmployeeSchemaAttribute>({ method: 'GET', version, path })).data;
  },
  async patchNonEmployeeSchemaAttribute(sourceId, attributeId, patch) {
    const path = encodePath`/non-employee-sources/${sourceId}/schema-attributes/${attributeId}`;
    return (
      await this.http.json<NonEmployeeSchemaAttribute>({ method: 'PATCH', version, path, jsonPatch: patch })
    ).data;
  },
  async deleteNonEmployeeSchemaAttribute(sourceId, attributeId) {
    const path = encodePath`/non-employee-sources/${sourceId}/schema-attributes/${attributeId}`;
    await this.http.empty({ method: 'DELETE', version, path });
  },
});
