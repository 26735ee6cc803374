/** Schema attributes of a non-employee source. */
import type { UpstreamApi } from '../api.ts';
import { encodePath } from '../http-client.ts';
import type { NonEmployeeSchemaAttribute } from '../wire/nelm.ts';
import type { OperationContext } from './context.ts';

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
  http,
  nelmVersion: version,
}: OperationContext): SchemaAttributeOperations => ({
  async getNonEmployeeSourceSchemaAttributes(sourceId) {
    const path = encodePath`/non-employee-sources/${sourceId}/schema-attributes`;
    const { data } = await http.json<NonEmployeeSchemaAttribute[]>({ method: 'GET', version, path });
    return Array.isArray(data) ? data : [];
  },
  async createNonEmployeeSourceSchemaAttributes(sourceId, body) {
    const path = encodePath`/non-employee-sources/${sourceId}/schema-attributes`;
    return (await http.json<NonEmployeeSchemaAttribute>({ method: 'POST', version, path, json: body })).data;
  },
  async deleteNonEmployeeSourceSchemaAttributes(sourceId) {
    await http.empty({
      method: 'DELETE',
      version,
      path: encodePath`/non-employee-sources/${sourceId}/schema-attributes`,
    });
  },
  async getNonEmployeeSchemaAttribute(sourceId, attributeId) {
    const path = encodePath`/non-employee-sources/${sourceId}/schema-attributes/${attributeId}`;
    return (await http.json<NonEmployeeSchemaAttribute>({ method: 'GET', version, path })).data;
  },
  async patchNonEmployeeSchemaAttribute(sourceId, attributeId, patch) {
    const path = encodePath`/non-employee-sources/${sourceId}/schema-attributes/${attributeId}`;
    return (await http.json<NonEmployeeSchemaAttribute>({ method: 'PATCH', version, path, jsonPatch: patch }))
      .data;
  },
  async deleteNonEmployeeSchemaAttribute(sourceId, attributeId) {
    const path = encodePath`/non-employee-sources/${sourceId}/schema-attributes/${attributeId}`;
    await http.empty({ method: 'DELETE', version, path });
  },
});
