import { arrayOf, fields, nullable, oneOf, optional, type Shape } from './shape.ts';

/** The accounts response bodies (v3, and the beta-only ones), as the spec's schemas describe them. */

const identityReference = (typeValues: string[]) =>
  fields({ id: optional('string'), type: optional(oneOf(...typeValues)), name: optional('string') });

/** `Account`: the spec's required fields must be there. */
const ACCOUNT_FIELDS: Readonly<Record<string, Shape>> = {
  id: optional('string'),
  name: nullable('string'),
  created: optional('date-time'),
  modified: optional('date-time'),
  sourceId: 'string',
  sourceName: nullable('string'),
  identityId: optional('string'),
  cloudLifecycleState: optional(nullable('string')),
  identityState: optional(nullable('string')),
  connectionType: optional(nullable('string')),
  isMachine: optional('boolean'),
  recommendation: optional(
    nullable(fields({ type: oneOf('HUMAN', 'MACHINE'), method: oneOf('DISCOVERY', 'SOURCE', 'CRITERIA') })),
  ),
  attributes: nullable('object'),
  authoritative: 'boolean',
  description: optional(nullable('string')),
  disabled: 'boolean',
  locked: 'boolean',
  nativeIdentity: 'string',
  systemAccount: 'boolean',
  uncorrelated: 'boolean',
  uuid: optional(nullable('string')),
  manuallyCorrelated: 'boolean',
  hasEntitlements: 'boolean',
  identity: optional(identityReference(['IDENTITY'])),
  sourceOwner: optional(nullable(identityReference(['IDENTITY']))),
  features: optional(nullable('string')),
  origin: optional(oneOf('AGGREGATED', 'PROVISIONED', null)),
  // `DtoType` lists every kind of ISC object; only the reference's form is checked here.
  ownerIdentity: optional(
    nullable(fields({ type: optional('string'), id: optional('string'), name: optional('string') })),
  ),
};
export const ACCOUNT = fields(ACCOUNT_FIELDS);

/**
 * A SLIM account: the fields of the spec's `SlimAccounts` example, which leaves out sourceName,
 * authoritative, systemAccount and uncorrelated though `Account` requires them.
 */
const {
  sourceName: _sourceName,
  authoritative: _authoritative,
  systemAccount: _systemAccount,
  uncorrelated: _uncorrelated,
  ...SLIM_FIELDS
} = ACCOUNT_FIELDS;
export const SLIM_ACCOUNT = fields({ ...SLIM_FIELDS, attributes: oneOf(null) });

const ACCESS_MODEL_METADATA = fields({
  key: optional('string'),
  name: optional('string'),
  multiselect: optional('boolean'),
  status: optional('string'),
  type: optional('string'),
  objectTypes: optional(arrayOf('string')),
  description: optional('string'),
  values: optional(
    arrayOf(fields({ value: optional('string'), name: optional('string'), status: optional('string') })),
  ),
});

export const ENTITLEMENT = fields({
  id: 'string',
  name: 'string',
  attribute: 'string',
  value: 'string',
  sourceSchemaObjectType: optional('string'),
  description: optional(nullable('string')),
  privileged: optional('boolean'),
  cloudGoverned: optional('boolean'),
  requestable: optional('boolean'),
  owner: optional(nullable(identityReference(['IDENTITY']))),
  additionalOwners: optional(
    nullable(
      arrayOf(
        fields({
          type: optional(oneOf('IDENTITY', 'GOVERNANCE_GROUP')),
          id: optional('string'),
          name: optional(nullable('string')),
        }),
      ),
    ),
  ),
  manuallyUpdatedFields: optional(nullable('object')),
  accessModelMetadata: optional(fields({ attributes: optional(arrayOf(ACCESS_MODEL_METADATA)) })),
  created: optional('date-time'),
  modified: optional('date-time'),
  source: fields({ id: optional('string'), type: optional('string'), name: optional('string') }),
  attributes: optional('object'),
  segments: optional(nullable(arrayOf('string'))),
  directPermissions: optional(
    arrayOf(fields({ rights: optional(arrayOf('string')), target: optional('string') })),
  ),
});

export const ACCOUNTS_ASYNC_RESULT = fields({ id: 'string' });

export const TASK_RESULT = fields({
  type: optional(oneOf('TASK_RESULT')),
  id: optional('string'),
  name: optional(nullable('string')),
});

// The schema says `message` is a string, and the spec's own example sends null for an accepted identity.
export const BULK_IDENTITIES_ACCOUNTS_RESPONSE = fields({
  id: 'string',
  statusCode: 'integer',
  message: nullable('string'),
});
