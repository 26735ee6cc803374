import type { JsonPatchOperation } from '../upstream/wire/common.ts';
import {
  NON_EMPLOYEE_PERSON_FIELDS,
  type NonEmployeePersonTexts,
  type NonEmployeeRequestBody,
} from '../upstream/wire/nelm.ts';
import type { BuilderTypes } from './builder.ts';
import { type AttributeInput, attributesInputField } from './custom-attributes/attribute-input.ts';
import { checkData, checkDateOrder, checkEmail, presentOrAbsent, requiredText } from './input-checks.ts';

type InputFields = PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>;

/** The texts checked only for blankness (the email has its own check). */
const TEXT_FIELDS = NON_EMPLOYEE_PERSON_FIELDS.filter((field) => field !== 'email');

export interface NonEmployeeFieldsInput extends NonEmployeePersonTexts {
  startDate: Date;
  endDate: Date;
  data?: unknown;
  attributes?: readonly AttributeInput[] | null;
}

/** The shared input fields, all required but `data` (for create and replace inputs). */
export function nonEmployeeInputFields(t: InputFields) {
  return {
    accountName: t.string({ required: true, description: 'The account name, unique in the source.' }),
    firstName: t.string({ description: "The non-employee's first name (not blank).", required: true }),
    lastName: t.string({ description: "The non-employee's last name (not blank).", required: true }),
    email: t.string({ description: "The non-employee's email address.", required: true }),
    phone: t.string({ description: "The non-employee's phone number (not blank).", required: true }),
    manager: t.string({
      required: true,
      description: 'The account id of the identity who manages this non-employee.',
    }),
    startDate: t.field({
      description: 'When the engagement starts; a date alone (`2027-01-01`) is midnight UTC.',
      type: 'DateTime',
      required: true,
    }),
    endDate: t.field({ type: 'DateTime', required: true, description: 'Not before `startDate`.' }),
    data: t.field({
      type: 'JSON',
      description: 'Custom attribute values: an object of strings keyed by technical name.',
    }),
    attributes: attributesInputField(t, 'merged into `data`'),
  };
}

/** The shared fields as an update carries them: each optional, only the given ones change. */
export function nonEmployeePatchFields(t: InputFields) {
  return {
    accountName: t.string({ description: 'A new account name, unique in the source.' }),
    firstName: t.string({ description: 'A new first name (not blank, not null).' }),
    lastName: t.string({ description: 'A new last name (not blank, not null).' }),
    email: t.string({ description: 'A new email address (not null).' }),
    phone: t.string({ description: 'A new phone number (not blank, not null).' }),
    manager: t.string({ description: 'The account id of the identity who manages this non-employee.' }),
    startDate: t.field({
      description: 'A new start date; a date alone is midnight UTC; not after `endDate`.',
      type: 'DateTime',
    }),
    endDate: t.field({
      description: "A new end date (a record's owner may change only this); not before `startDate`.",
      type: 'DateTime',
    }),
    data: t.field({
      type: 'JSON',
      description: 'Replaces every custom attribute value; null clears them all.',
    }),
    attributes: attributesInputField(
      t,
      'each changing only its own (or merged into `data` when that is given too; null or blank clears one)',
    ),
  };
}

/** Checks the fields and builds ISC's body; a ValidationError names the first bad field. */
export function toNonEmployeeBody(
  input: NonEmployeeFieldsInput,
  sourceId: string,
  root: readonly string[] = ['input'],
): NonEmployeeRequestBody {
  const at = (field: string) => [...root, field];
  const text = Object.fromEntries(
    TEXT_FIELDS.map((field) => [field, requiredText(input[field], at(field))]),
  ) as Record<(typeof TEXT_FIELDS)[number], string>;
  checkDateOrder(input.startDate, input.endDate, at('endDate'));
  return {
    ...text,
    email: checkEmail(input.email, at('email')),
    sourceId,
    ...(input.data == null ? {} : { data: checkData(input.data, at('data')) }),
    startDate: input.startDate.toISOString(),
    endDate: input.endDate.toISOString(),
  };
}

/** The fields an update carries: each optional, explicit null refused where the field is required. */
export type NonEmployeePatchInput = {
  [Field in keyof NonEmployeeFieldsInput]?: NonEmployeeFieldsInput[Field] | null;
};

/** `replace` operations for the fields given, each checked as create would check it. */
export function toNonEmployeePatch(input: NonEmployeePatchInput): JsonPatchOperation[] {
  const patch: JsonPatchOperation[] = [];
  for (const field of TEXT_FIELDS) {
    const value = presentOrAbsent(input[field], ['input', field]);
    if (value !== undefined)
      patch.push({ op: 'replace', path: `/${field}`, value: requiredText(value, ['input', field]) });
  }
  const email = presentOrAbsent(input.email, ['input', 'email']);
  if (email !== undefined)
    patch.push({ op: 'replace', path: '/email', value: checkEmail(email, ['input', 'email']) });
  const startDate = presentOrAbsent(input.startDate, ['input', 'startDate']);
  const endDate = presentOrAbsent(input.endDate, ['input', 'endDate']);
  if (startDate && endDate) checkDateOrder(startDate, endDate, ['input', 'endDate']);
  if (startDate) patch.push({ op: 'replace', path: '/startDate', value: startDate.toISOString() });
  if (endDate) patch.push({ op: 'replace', path: '/endDate', value: endDate.toISOString() });
  if (input.data !== undefined) {
    patch.push({
      op: 'replace',
      path: '/data',
      value: input.data === null ? {} : checkData(input.data, ['input', 'data']),
    });
  }
  return patch;
}
