import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

/** The two public documents the project keeps derived schemas of (scripts/derive-json-schemas.ts). */
export type SpecName = 'v3' | 'beta';

interface DerivedSpec {
  $defs: Record<string, unknown>;
  operations: Record<string, { method: string; path: string; responses: Record<string, unknown> }>;
}

const load = (name: SpecName): DerivedSpec =>
  JSON.parse(readFileSync(new URL(`./json-schemas/${name}.json`, import.meta.url), 'utf8')) as DerivedSpec;

export const SPECS: Readonly<Record<SpecName, DerivedSpec>> = { v3: load('v3'), beta: load('beta') };

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A validator per spec: JSON Schema 2020-12, with the spec's `date-time`s checked and its other formats named only. */
function createAjv(name: SpecName): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('date-time', (value: string) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  for (const format of [
    'uuid',
    'UUID',
    'binary',
    'comma-separated',
    'float',
    'int32',
    'uuid (if user is Org Admin)',
  ])
    ajv.addFormat(format, true);
  ajv.addSchema({ $id: `isc-${name}`, $defs: SPECS[name].$defs });
  return ajv;
}

const ajvs = { v3: createAjv('v3'), beta: createAjv('beta') };
const compiled = new Map<string, ValidateFunction | null>();

/** The operation of a spec answering `METHOD path` (path as the spec writes it, with `{param}`s). */
export function operationAt(name: SpecName, method: string, path: string) {
  return Object.entries(SPECS[name].operations).find(([, op]) => op.method === method && op.path === path);
}

/**
 * Errors of `body` against the schema `name` gives operation `operationId` for `status`:
 * `undocumented` when the spec lists no such status, [] when the body passes.
 */
export function validateBody(name: SpecName, operationId: string, status: number, body: unknown): string[] {
  const operation = SPECS[name].operations[operationId];
  if (!operation) return [`${operationId} is not in the ${name} spec`];
  if (!(String(status) in operation.responses))
    return [`status ${status} is undocumented for ${operationId}`];
  const key = `${name} ${operationId} ${status}`;
  if (!compiled.has(key)) {
    const schema = operation.responses[String(status)];
    const rewritten =
      schema === null
        ? null
        : JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', `"isc-${name}#/$defs/`));
    compiled.set(key, rewritten === null ? null : ajvs[name].compile(rewritten));
  }
  const validate = compiled.get(key);
  if (!validate) return body === undefined ? [] : [`${operationId} ${status} has no JSON body in the spec`];
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message} (${error.schemaPath})`,
  );
}
