import { allOf, arrayOf, fields, mapOf, nullable, oneOf, optional } from './shape.ts';

/** The NELM v3 response bodies, field for field as the spec's schemas describe them. */

export const APPROVAL_STATUS = oneOf('APPROVED', 'REJECTED', 'PENDING', 'NOT_READY', 'CANCELLED');

export const IDENTITY_REFERENCE = fields({ type: oneOf('GOVERNANCE_GROUP', 'IDENTITY'), id: 'string' });

export const SOURCE_LITE = fields({
  id: 'string',
  sourceId: 'string',
  name: 'string',
  description: 'string',
});

export const SOURCE = allOf(
  SOURCE_LITE,
  fields({
    approvers: arrayOf(IDENTITY_REFERENCE),
    accountManagers: arrayOf(IDENTITY_REFERENCE),
    modified: 'date-time',
    created: 'date-time',
  }),
);

export const SOURCE_WITH_COUNT = allOf(SOURCE, fields({ nonEmployeeCount: nullable('integer') }));

export const SOURCE_WITH_CLOUD_ID = allOf(SOURCE, fields({ cloudExternalId: 'string' }));

export const SCHEMA_ATTRIBUTE = fields({
  id: 'string',
  system: 'boolean',
  modified: 'date-time',
  created: 'date-time',
  type: oneOf('TEXT', 'DATE', 'IDENTITY'),
  label: 'string',
  technicalName: 'string',
  helpText: 'string',
  placeholder: 'string',
  required: 'boolean',
});

const PERSON = {
  accountName: 'string',
  firstName: 'string',
  lastName: 'string',
  email: 'string',
  phone: 'string',
  manager: 'string',
} as const;

export const RECORD = fields({
  id: 'string',
  ...PERSON,
  sourceId: 'string',
  data: mapOf('string'),
  startDate: 'date-time',
  endDate: 'date-time',
  modified: 'date-time',
  created: 'date-time',
});

export const APPROVAL_ITEM_BASE = fields({
  id: 'string',
  approver: IDENTITY_REFERENCE,
  accountName: 'string',
  approvalStatus: APPROVAL_STATUS,
  approvalOrder: 'number',
  comment: 'string',
  modified: 'date-time',
  created: 'date-time',
});

const REQUEST_LITE = fields({ id: 'string', requester: IDENTITY_REFERENCE });

export const APPROVAL_ITEM = allOf(APPROVAL_ITEM_BASE, fields({ nonEmployeeRequest: REQUEST_LITE }));

export const APPROVAL_ITEM_DETAIL = allOf(
  APPROVAL_ITEM_BASE,
  fields({
    nonEmployeeRequest: allOf(
      REQUEST_LITE,
      fields({
        ...PERSON,
        nonEmployeeSource: allOf(SOURCE_LITE, fields({ schemaAttributes: arrayOf(SCHEMA_ATTRIBUTE) })),
        data: mapOf('string'),
        approvalStatus: APPROVAL_STATUS,
        comment: 'string',
        // Only a request that has been decided has one.
        completionDate: optional('date-time'),
        startDate: 'date',
        endDate: 'date',
        modified: 'date-time',
        created: 'date-time',
      }),
    ),
  }),
);

export const REQUEST = fields({
  id: 'string',
  sourceId: 'string',
  name: 'string',
  description: 'string',
  ...PERSON,
  nonEmployeeSource: SOURCE_LITE,
  data: mapOf('string'),
  approvalItems: arrayOf(APPROVAL_ITEM_BASE),
  approvalStatus: APPROVAL_STATUS,
  comment: 'string',
  completionDate: optional('date-time'),
  startDate: 'date-time',
  endDate: 'date-time',
  modified: 'date-time',
  created: 'date-time',
});

export const REQUEST_SUMMARY = fields({
  approved: 'integer',
  rejected: 'integer',
  pending: 'integer',
  nonEmployeeCount: 'integer',
});

export const APPROVAL_SUMMARY = fields({ approved: 'integer', pending: 'integer', rejected: 'integer' });

const JOB_STATUS = oneOf('PENDING', 'IN_PROGRESS', 'COMPLETED', 'ERROR');

export const BULK_UPLOAD_JOB = fields({
  id: 'string',
  sourceId: 'string',
  created: 'date-time',
  modified: 'date-time',
  status: JOB_STATUS,
});

// The spec documents `null` as "submitted, not yet queued".
export const BULK_UPLOAD_STATUS = fields({ status: nullable(JOB_STATUS) });
