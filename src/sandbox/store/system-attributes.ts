import type { SchemaAttributeType } from '../../upstream/wire/nelm.ts';
import type { SchemaAttributeRow } from './nelm-rows.ts';

interface AttributeSpec {
  technicalName: string;
  label: string;
  type: SchemaAttributeType;
  helpText: string;
  placeholder: string;
  required: boolean;
}

/** The 8 attributes every non-employee source starts with, in the order lists return them (all v3 types). */
export const SYSTEM_ATTRIBUTES: readonly AttributeSpec[] = [
  {
    technicalName: 'accountName',
    label: 'Account Name',
    type: 'TEXT',
    helpText: 'The unique identifier for the account',
    placeholder: 'Enter a unique user name for this account.',
    required: true,
  },
  {
    technicalName: 'firstName',
    label: 'First Name',
    type: 'TEXT',
    helpText: 'The first name of the non-employee',
    placeholder: 'Enter a first name.',
    required: true,
  },
  {
    technicalName: 'lastName',
    label: 'Last Name',
    type: 'TEXT',
    helpText: 'The last name of the non-employee',
    placeholder: 'Enter a last name.',
    required: true,
  },
  {
    technicalName: 'email',
    label: 'Email',
    type: 'TEXT',
    helpText: 'The email address of the non-employee',
    placeholder: 'Enter an email address.',
    required: true,
  },
  {
    technicalName: 'phone',
    label: 'Phone',
    type: 'TEXT',
    helpText: 'The phone number of the non-employee',
    placeholder: 'Enter a phone number.',
    required: true,
  },
  {
    technicalName: 'manager',
    label: 'Manager',
    type: 'IDENTITY',
    helpText: 'The manager of the non-employee',
    placeholder: 'Select a manager.',
    required: true,
  },
  {
    technicalName: 'startDate',
    label: 'Start Date',
    type: 'DATE',
    helpText: 'The first day of the engagement',
    placeholder: 'Select a start date.',
    required: true,
  },
  {
    technicalName: 'endDate',
    label: 'End Date',
    type: 'DATE',
    helpText: 'The last day of the engagement',
    placeholder: 'Select an end date.',
    required: true,
  },
];

/** Column order of ISC's CSV exports and templates (the spec's example). */
export const CSV_SYSTEM_COLUMNS = [
  'accountName',
  'firstName',
  'lastName',
  'phone',
  'email',
  'manager',
  'startDate',
  'endDate',
] as const;

/** Fresh system attribute rows for a new source. */
export function systemAttributeRows(newId: () => string, at: number): SchemaAttributeRow[] {
  return SYSTEM_ATTRIBUTES.map((spec) => ({ id: newId(), system: true, ...spec, created: at, modified: at }));
}
