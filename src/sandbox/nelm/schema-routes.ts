import {
  SCHEMA_ATTRIBUTE_TYPES,
  type SchemaAttributeType,
  V3_SCHEMA_ATTRIBUTE_TYPES,
} from '../../upstream/wire/nelm.ts';
import { MAX_CUSTOM_ATTRIBUTES } from '../../upstream/wire/nelm-limits.ts';
import { pageOf, parseListParams } from '../collections/index.ts';
import { jsonObjectBody, jsonPatchBody } from '../http/body.ts';
import { badContent, forbidden, limitViolation, notFound, referenceConflict } from '../http/sandbox-error.ts';
import type { ApiVersion, RouteDefinition, SandboxRequest } from '../http/types.ts';
import type { SchemaAttributeRow } from '../store/nelm-rows.ts';
import type { SourceState } from '../store/nelm-store.ts';
import { hasRight, manages, requireRight } from './access.ts';
import { applyJsonPatch } from './json-patch.ts';
import { NELM_VERSIONS, type NelmContext } from './nelm-context.ts';
import { attributeView } from './views.ts';

const TECHNICAL_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/;

/**
 * Types a custom attribute may be created with, per version: v3's body says "Only type 'TEXT' is
 * supported for custom attributes"; v2024 and v2025 take their enum (TEXT, DATE, IDENTITY); beta
 * takes its enum, which adds PHONE and EMAIL.
 */
const CUSTOM_TYPES: Readonly<Record<ApiVersion, readonly SchemaAttributeType[]>> = {
  v3: ['TEXT'],
  v2024: V3_SCHEMA_ATTRIBUTE_TYPES,
  v2025: V3_SCHEMA_ATTRIBUTE_TYPES,
  beta: SCHEMA_ATTRIBUTE_TYPES,
};

const typesFor = (version: ApiVersion): readonly SchemaAttributeType[] => CUSTOM_TYPES[version];

function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badContent(`Field '${field}' must be a string.`);
  return value;
}

function requiredFlag(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw badContent(`Field 'required' must be a boolean.`);
  return value;
}

export function createSchemaRoutes(ctx: NelmContext): RouteDefinition[] {
  const base = '/non-employee-sources/:sourceId/schema-attributes';
  const sourceFor = (req: SandboxRequest, right: 'read' | 'create' | 'update' | 'delete'): SourceState => {
    if (right !== 'read') requireRight(req.caller, right);
    const state = ctx.store.source(req.params.sourceId);
    if (!state) throw notFound(`Non-employee source '${req.params.sourceId}'`);
    if (right === 'read' && !hasRight(req.caller, 'read') && !manages(state.row, req.caller.identityId))
      throw forbidden();
    return state;
  };
  const attributeOf = (state: SourceState, id: string): SchemaAttributeRow => {
    const attribute = state.row.attributes.find((a) => a.id === id);
    if (!attribute) throw notFound(`Schema attribute '${id}'`);
    return attribute;
  };

  return [
    {
      method: 'GET',
      template: base,
      versions: NELM_VERSIONS,
      handler(req) {
        const params = parseListParams(req.query);
        return pageOf(
          sourceFor(req, 'read').row.attributes.map((a) => attributeView(a, req.version)),
          params,
        );
      },
    },
    {
      method: 'POST',
      template: base,
      versions: NELM_VERSIONS,
      handler(req) {
        const state = sourceFor(req, 'create');
        const body = jsonObjectBody(req);
        const missing = ['type', 'label', 'technicalName'].filter(
          (f) => body[f] === undefined || body[f] === null || body[f] === '',
        );
        if (missing.length) throw badContent(`Required fields are missing: ${missing.join(', ')}.`);
        const types = typesFor(req.version);
        if (typeof body.type !== 'string' || !types.includes(body.type as SchemaAttributeType)) {
          throw badContent(
            `Field 'type' must be one of ${types.join(', ')}; got ${JSON.stringify(body.type)}.`,
          );
        }
        if (typeof body.label !== 'string' || !body.label.trim())
          throw badContent(`Field 'label' must be a non-empty string.`);
        if (typeof body.technicalName !== 'string' || !TECHNICAL_NAME.test(body.technicalName)) {
          throw badContent(
            `Field 'technicalName' must start with a letter and hold only letters, digits, '_', '.' or '-'.`,
          );
        }
        const technicalName = body.technicalName;
        if (state.row.attributes.some((a) => a.technicalName.toLowerCase() === technicalName.toLowerCase())) {
          throw referenceConflict(
            `A schema attribute with technical name '${technicalName}' already exists on this source.`,
          );
        }
        if (state.row.attributes.filter((a) => !a.system).length >= MAX_CUSTOM_ATTRIBUTES) {
          throw limitViolation(
            `A source can have at most ${MAX_CUSTOM_ATTRIBUTES} custom schema attributes.`,
          );
        }
        const at = ctx.now();
        const attribute: SchemaAttributeRow = {
          id: ctx.newId(),
          system: false,
          type: body.type as SchemaAttributeType,
          label: body.label.trim(),
          technicalName,
          helpText: optionalText(body.helpText, 'helpText'),
          placeholder: optionalText(body.placeholder, 'placeholder'),
          required: requiredFlag(body.required),
          created: at,
          modified: at,
        };
        state.row = { ...state.row, attributes: [...state.row.attributes, attribute], modified: at };
        return { status: 200, body: attributeView(attribute, req.version) };
      },
    },
    {
      method: 'DELETE',
      template: base,
      versions: NELM_VERSIONS,
      handler(req) {
        const state = sourceFor(req, 'delete');
        state.row = {
          ...state.row,
          attributes: state.row.attributes.filter((a) => a.system),
          modified: ctx.now(),
        };
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      template: `${base}/:attributeId`,
      versions: NELM_VERSIONS,
      handler: (req) => ({
        status: 200,
        body: attributeView(attributeOf(sourceFor(req, 'read'), req.params.attributeId), req.version),
      }),
    },
    {
      method: 'PATCH',
      template: `${base}/:attributeId`,
      versions: NELM_VERSIONS,
      handler(req) {
        const operations = jsonPatchBody(req);
        const state = sourceFor(req, 'update');
        const current = attributeOf(state, req.params.attributeId);
        const patched = applyJsonPatch(
          {
            label: current.label,
            helpText: current.helpText ?? '',
            placeholder: current.placeholder ?? '',
            required: current.required,
          },
          operations,
          ['label', 'helpText', 'placeholder', 'required'],
        );
        if (typeof patched.label !== 'string' || !patched.label.trim()) {
          throw badContent(`Field 'label' must be a non-empty string.`);
        }
        const updated: SchemaAttributeRow = {
          ...current,
          label: patched.label,
          helpText: optionalText(patched.helpText, 'helpText'),
          placeholder: optionalText(patched.placeholder, 'placeholder'),
          required: requiredFlag(patched.required),
          modified: ctx.now(),
        };
        state.row = {
          ...state.row,
          attributes: state.row.attributes.map((a) => (a.id === current.id ? updated : a)),
        };
        return { status: 200, body: attributeView(updated, req.version) };
      },
    },
    {
      method: 'DELETE',
      template: `${base}/:attributeId`,
      versions: NELM_VERSIONS,
      handler(req) {
        const state = sourceFor(req, 'delete');
        const attribute = attributeOf(state, req.params.attributeId);
        if (attribute.system)
          throw badContent(`System attribute '${attribute.technicalName}' cannot be deleted.`);
        state.row = {
          ...state.row,
          attributes: state.row.attributes.filter((a) => a.id !== attribute.id),
          modified: ctx.now(),
        };
        return { status: 204 };
      },
    },
  ];
}
