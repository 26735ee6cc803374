import type { NonEmployeeRequestBody } from '../../upstream/wire/nelm.ts';
import type { builder } from '../builder.ts';
import { checkData, checkDateOrder, checkEmail, requiredText } from './input-checks.ts';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;

/** The person fields a record and a request share, as ISC's `NonEmployeeRequestBody` names them. */
export const NON_EMPLOYEE_FIELDS = [
  'accountName',
  'firstName',
  'lastName',
  'email',
  'phone',
  'manager',
  'startDate',
  'endDate',
  'data',
] as const;

const TEXT_FIELDS = ['accountName', 'firstName', 'lastName', 'phone', 'manager'] as const;

export interface NonEmployeeFieldsInput {
  accountName: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  manager: string;
  startDate: Date;
  endDate: Date;
  data?: unknown;
}

/** The shared input fields, all required but `data` (for create and replace inputs). */
export function nonEmployeeInputFields(t: InputFields) {
  return {
    accountName: t.string({ required: true, description: 'The account name, unique in the source.' }),
    firstName: t.string({ required: true }),
    lastName: t.string({ required: true }),
    email: t.string({ required: true }),
    phone: t.string({ required: true }),
    manager: t.string({
      required: true,
      description: 'The account id of the identity who manages this non-employee.',
    }),
    startDate: t.field({ type: 'DateTime', required: true }),
    endDate: t.field({ type: 'DateTime', required: true, description: 'Not before `startDate`.' }),
    data: t.field({
      type: 'JSON',
      description: 'Custom attribute values: an object of strings keyed by technical name.',
    }),
  };
}

/** The shared fields as an update carries them: each optional, only the given ones change. */
export function nonEmployeePatchFields(t: InputFields) {
  return {
    accountName: t.string(),
    firstName: t.string(),
    lastName: t.string(),
    email: t.string(),
    phone: t.string(),
    manager: t.string({ description: 'The account id of the identity who manages this non-employee.' }),
    startDate: t.field({ type: 'DateTime' }),
    endDate: t.field({ type: 'DateTime' }),
    data: t.field({
      type: 'JSON',
      description: 'Replaces every custom attribute value; null clears them all.',
    }),
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
