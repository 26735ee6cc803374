/**
 * Derives JSON Schemas (draft 2020-12) from the public ISC OpenAPI documents, for the spec
 * validation test: one file per document in test/contract/json-schemas/, checked in. Run it when
 * the public documents change: `tsx scripts/derive-json-schemas.ts [specDir]`.
 *
 * Sources (in `../shared/spec` beside the repository by default):
 *   isc-v3-nelm-accounts.openapi.json   -> test/contract/json-schemas/v3.json
 *   isc-beta-nelm-accounts.openapi.json -> test/contract/json-schemas/beta.json
 *
 * What it turns from OpenAPI into JSON Schema: `nullable: true` becomes a `null` alternative (also
 * beside a `$ref`, and in one branch of an `allOf` next to a `$ref`, where OpenAPI would not make
 * the whole nullable: the documents mean it, and their examples send null); `$ref`s to
 * `#/components/schemas/X` point at `#/$defs/X`; `allOf`, `oneOf`, `anyOf`, `items`, `properties`,
 * `additionalProperties` are walked; OpenAPI-only keywords (`example`, `xml`, `discriminator`,
 * `readOnly`, `writeOnly`, `x-*`) are dropped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCES = [
  { file: 'isc-v3-nelm-accounts.openapi.json', out: 'v3.json' },
  { file: 'isc-beta-nelm-accounts.openapi.json', out: 'beta.json' },
] as const;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const DROPPED = new Set([
  'example',
  'examples',
  'xml',
  'discriminator',
  'readOnly',
  'writeOnly',
  'externalDocs',
  'deprecated',
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One OpenAPI schema object as JSON Schema. */
export function toJsonSchema(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith('x-') || key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.replace('#/components/schemas/', '#/$defs/');
    } else if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, toJsonSchema(sub)]),
      );
    } else if (
      ['items', 'additionalProperties', 'not'].includes(key) ||
      ['allOf', 'oneOf', 'anyOf'].includes(key)
    ) {
      out[key] = toJsonSchema(value);
    } else {
      out[key] = value;
    }
  }
  // `allOf: [{ $ref }, { nullable: true }]` is how the documents make a reference nullable.
  const nullableBranch =
    Array.isArray(schema.allOf) &&
    schema.allOf.some((branch) => isObject(branch) && branch.nullable === true);
  if (schema.nullable !== true && !nullableBranch) return out;
  if (typeof out.type === 'string' && out.$ref === undefined && out.enum === undefined) {
    return { ...out, type: [out.type, 'null'] };
  }
  return { anyOf: [out, { type: 'null' }] };
}

interface DerivedOperation {
  method: string;
  path: string;
  /** JSON bodies by status; `null` where the status has no JSON body. */
  responses: Record<string, Json>;
}

function derive(spec: JsonObject, source: string): JsonObject {
  const components = isObject(spec.components) ? spec.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  const sharedResponses = isObject(components.responses) ? components.responses : {};
  const operations: Record<string, DerivedOperation> = {};
  for (const [path, item] of Object.entries(isObject(spec.paths) ? spec.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation) || typeof operation.operationId !== 'string') continue;
      const responses: Record<string, Json> = {};
      for (const [status, raw] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
        let response = raw;
        if (isObject(response) && typeof response.$ref === 'string') {
          response = sharedResponses[response.$ref.split('/').pop()!];
        }
        const content = isObject(response) && isObject(response.content) ? response.content : {};
        const json = content['application/json'];
        responses[status] = isObject(json) && json.schema !== undefined ? toJsonSchema(json.schema) : null;
      }
      operations[operation.operationId] = { method: method.toUpperCase(), path, responses };
    }
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $comment: `Derived by scripts/derive-json-schemas.ts from ${source} (${String((spec.info as JsonObject)?.version)}); do not edit.`,
    $defs: Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, toJsonSchema(schema)])),
    operations: operations as unknown as Json,
  };
}

function main(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const specDir = resolve(process.argv[2] ?? join(root, '..', 'shared', 'spec'));
  for (const { file, out } of SOURCES) {
    const spec = JSON.parse(readFileSync(join(specDir, file), 'utf8')) as JsonObject;
    const target = join(root, 'test', 'contract', 'json-schemas', out);
    writeFileSync(target, `${JSON.stringify(derive(spec, file), null, 2)}\n`);
    console.log(`${file} -> ${target}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
