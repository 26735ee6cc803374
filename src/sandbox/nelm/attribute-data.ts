import type { SchemaAttributeType } from '../../upstream/wire/nelm.ts';
import { MAX_ATTRIBUTE_VALUE_LENGTH } from '../../upstream/wire/nelm-limits.ts';
import { badContent } from '../http/sandbox-error.ts';
import type { IdentityRegistry } from '../seed/identities.ts';
import type { SourceRow } from '../store/nelm-rows.ts';
import { isEmail, isIsoDate } from './record-input.ts';

/** Why `value` is not a value of `type`, or null when it is. */
function typeProblem(type: SchemaAttributeType, value: string, identities: IdentityRegistry): string | null {
  switch (type) {
    case 'DATE':
      return isIsoDate(value) ? null : 'is not an ISO-8601 date';
    case 'IDENTITY':
      return identities.byId(value) ? null : 'is not the id of a known identity';
    case 'EMAIL':
      return isEmail(value) ? null : 'is not an email address';
    default:
      return null;
  }
}

/**
 * Custom attribute values as a tenant checks them: strings keyed by the source's custom technical
 * names, each of its attribute's type and at most 255 characters, required ones present. One 400
 * lists every problem, as ISC's `firstName is required; accountName is required;` does.
 */
export function checkData(
  input: unknown,
  source: SourceRow,
  identities: IdentityRegistry,
): Record<string, string> {
  const data = input ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw badContent(`Field 'data' must be an object of strings.`);
  }
  const custom = new Map(source.attributes.filter((a) => !a.system).map((a) => [a.technicalName, a]));
  const problems: string[] = [];
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    const attribute = custom.get(key);
    if (!attribute) {
      problems.push(`'data.${key}' is not a custom attribute of source ${source.id}`);
    } else if (typeof value !== 'string') {
      problems.push(`'data.${key}' must be a string`);
    } else if (value.length > MAX_ATTRIBUTE_VALUE_LENGTH) {
      problems.push(`'data.${key}' is longer than ${MAX_ATTRIBUTE_VALUE_LENGTH} characters`);
    } else {
      const problem = value.trim() ? typeProblem(attribute.type, value.trim(), identities) : null;
      if (problem) problems.push(`'data.${key}' ${problem}: ${JSON.stringify(value)}`);
      else result[key] = value;
    }
  }
  for (const attribute of custom.values()) {
    const given = (data as Record<string, unknown>)[attribute.technicalName];
    if (attribute.required && !(typeof given === 'string' && given.trim())) {
      problems.push(`data.${attribute.technicalName} is required`);
    }
  }
  if (problems.length) throw badContent(`${problems.join('; ')};`);
  return result;
}
