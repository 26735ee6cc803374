import type { SchemaAttributeEntity } from '../../loaders/entities.ts';
import type { JsonPatchOperation } from '../../upstream/wire/common.ts';
import type { NonEmployeeData } from '../../upstream/wire/nelm.ts';
import { type BuilderTypes, builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { type InputProblem, NotFoundError, ValidationError } from '../errors/error-classes.ts';
import { type InputShape, runWrite } from '../errors/mutation-results.ts';
import { valueProblem } from './attribute-rules.ts';

type InputFields = PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>;

export interface AttributeInput {
  technicalName: string;
  value?: string | null;
}

const NonEmployeeAttributeInput = builder.inputType('NonEmployeeAttributeInput', {
  description: "One custom attribute's value, checked against the source's schema attributes.",
  fields: (t) => ({
    technicalName: t.string({ required: true, description: 'The custom attribute: its technical name.' }),
    value: t.string({
      description:
        'The value as text: a DATE in ISO 8601 (`2030-06-30`), an IDENTITY by identity id; null or blank for none.',
    }),
  }),
});

/** The `attributes` input field of creates, replaces and updates. */
export function attributesInputField(t: InputFields, merge: string) {
  return t.field({
    type: [NonEmployeeAttributeInput],
    description:
      `Custom attribute values, ${merge}. Checked before the write against the source's schema ` +
      '(unknown attribute, wrong type, a required one missing, longer than 255): every problem in one ' +
      '`ValidationError`, at the cost of one read of the schema attributes.',
  });
}

/** One value the input gives, with where it sits in the input. */
interface Given {
  technicalName: string;
  value: string;
  namePath: string[];
  valuePath: string[];
}

const quoted = (path: readonly string[]) => `"${path.join('.')}"`;

/** The values of `data` and `attributes` side by side; a name given twice is a problem. */
function givenValues(
  data: NonEmployeeData | undefined,
  attributes: readonly AttributeInput[],
  root: readonly string[],
): { given: Given[]; problems: InputProblem[] } {
  const given: Given[] = Object.entries(data ?? {}).map(([technicalName, value]) => {
    const path = [...root, 'data', technicalName];
    return { technicalName, value, namePath: path, valuePath: path };
  });
  const problems: InputProblem[] = [];
  const seen = new Set(given.map((entry) => entry.technicalName));
  attributes.forEach((attribute, index) => {
    const at = [...root, 'attributes', String(index)];
    const namePath = [...at, 'technicalName'];
    if (seen.has(attribute.technicalName)) {
      problems.push({
        message: `${quoted(namePath)} names "${attribute.technicalName}" twice.`,
        path: namePath,
      });
      return;
    }
    seen.add(attribute.technicalName);
    given.push({
      technicalName: attribute.technicalName,
      value: attribute.value ?? '',
      namePath,
      valuePath: [...at, 'value'],
    });
  });
  return { given, problems };
}

/**
 * What ISC would refuse, found before the call: an unknown attribute, a value not of its type or
 * too long, and (`complete`: the values are the whole of `data`) a required attribute without one.
 * A required attribute cleared by an update is a problem either way.
 */
function schemaProblems(
  schema: readonly SchemaAttributeEntity[],
  given: readonly Given[],
  complete: boolean,
  root: readonly string[],
): InputProblem[] {
  const custom = schema.filter((attribute) => !attribute.system);
  const byName = new Map(custom.map((attribute) => [attribute.technicalName, attribute]));
  const problems: InputProblem[] = [];
  for (const entry of given) {
    const attribute = byName.get(entry.technicalName);
    if (!attribute) {
      const system = schema.some((a) => a.system && a.technicalName === entry.technicalName);
      const known = custom.map((a) => a.technicalName).join(', ') || 'none';
      problems.push({
        message: system
          ? `${quoted(entry.namePath)}: "${entry.technicalName}" is a system attribute; give it as "${[...root, entry.technicalName].join('.')}".`
          : `${quoted(entry.namePath)}: "${entry.technicalName}" is not a custom attribute of the source (it has: ${known}).`,
        path: entry.namePath,
      });
      continue;
    }
    const problem = valueProblem(attribute.type, entry.value);
    if (problem) {
      problems.push({
        message: `${quoted(entry.valuePath)} (${attribute.type} "${attribute.technicalName}") ${problem}.`,
        path: entry.valuePath,
      });
    } else if (attribute.required && !entry.value.trim()) {
      problems.push({
        message: `${quoted(entry.valuePath)}: "${attribute.technicalName}" is required and cannot be blank.`,
        path: entry.valuePath,
      });
    }
  }
  if (complete) {
    const named = new Set(given.map((entry) => entry.technicalName));
    for (const attribute of custom) {
      if (attribute.required && !named.has(attribute.technicalName)) {
        problems.push({
          message: `"${attribute.technicalName}" (${attribute.label}) is required on this source; give it in ${quoted([...root, 'attributes'])}.`,
          path: [...root, 'attributes'],
        });
      }
    }
  }
  return problems;
}

/** The source's schema attributes, a read inside a mutation: its failures are typed results too. */
function readSchema(ctx: GatewayContext, sourceId: string, shape: InputShape) {
  return runWrite(shape, () => ctx.loaders.schemaAttributes.load(sourceId));
}

/** Every value that is not blank, as `data` carries it. */
const toData = (given: readonly Given[]): NonEmployeeData =>
  Object.fromEntries(given.filter((e) => e.value.trim()).map((e) => [e.technicalName, e.value]));

/**
 * For a create or replace with `attributes`: the body's `data` and `attributes` merged and checked
 * against the source's schema (one read). Without `attributes` the body is as given, nothing read.
 */
export async function withCheckedAttributes<Body extends { sourceId: string; data?: NonEmployeeData }>(
  ctx: GatewayContext,
  input: { attributes?: readonly AttributeInput[] | null },
  body: Body,
  shape: InputShape,
): Promise<Body> {
  if (input.attributes == null) return body;
  const { given, problems } = givenValues(body.data, input.attributes, shape.root);
  const schema = await readSchema(ctx, body.sourceId, shape);
  problems.push(...schemaProblems(schema, given, true, shape.root));
  if (problems.length) throw ValidationError.of(problems);
  return { ...body, data: toData(given) };
}

const pointer = (name: string) => `/data/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;

/**
 * For an update with `attributes`: the record (for its source) and its source's schema are read,
 * the values checked, and the patch gets one `add /data/<name>` per value (blank clears it), or
 * its `replace /data` the merged whole when `data` is replaced too.
 */
export async function withAttributePatch(
  ctx: GatewayContext,
  input: { attributes?: readonly AttributeInput[] | null },
  recordId: string,
  patch: readonly JsonPatchOperation[],
  shape: InputShape,
): Promise<JsonPatchOperation[]> {
  if (input.attributes == null) return [...patch];
  const replaced = patch.find((op) => op.path === '/data');
  const data = replaced ? (replaced.value as NonEmployeeData) : undefined;
  const { given, problems } = givenValues(data, input.attributes, shape.root);
  const record = await runWrite(shape, () => ctx.loaders.record.load(recordId));
  if (!record?.sourceId) throw new NotFoundError(`No non-employee record "${recordId}".`);
  const schema = await readSchema(ctx, record.sourceId, shape);
  problems.push(...schemaProblems(schema, given, replaced !== undefined, shape.root));
  if (problems.length) throw ValidationError.of(problems);
  if (replaced) return patch.map((op) => (op === replaced ? { ...op, value: toData(given) } : op));
  const values = given.map((entry) => ({
    op: 'add' as const,
    path: pointer(entry.technicalName),
    value: entry.value,
  }));
  return [...patch, ...values];
}
