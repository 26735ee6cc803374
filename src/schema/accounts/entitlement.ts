import type { Entitlement, PermissionDto } from '../../upstream/wire/accounts.ts';
import { builder } from '../builder.ts';
import { IscReference } from './isc-reference.ts';

const EntitlementPermission = builder.objectRef<PermissionDto>('EntitlementPermission').implement({
  description: 'A direct permission: rights on a target.',
  fields: (t) => ({
    rights: t.stringList({
      description: 'The rights granted on the target, e.g. `read`, `write`.',
      resolve: (p) => p.rights ?? [],
    }),
    target: t.string({
      description: 'What the rights are on, e.g. a table or a share.',
      nullable: true,
      resolve: (p) => p.target ?? null,
    }),
  }),
});

/** An entitlement an account holds (access on its source, e.g. a group). Not a node: ISC has no get by id here. */
export const EntitlementRef = builder.objectRef<Entitlement>('Entitlement').implement({
  description: 'An entitlement: one piece of access on a source, such as a group membership.',
  fields: (t) => ({
    iscId: t.string({ nullable: true, description: 'The ISC id.', resolve: (e) => e.id ?? null }),
    name: t.string({
      description: "The entitlement's display name.",
      nullable: true,
      resolve: (e) => e.name ?? null,
    }),
    attribute: t.string({
      nullable: true,
      description: 'The account attribute that holds it, e.g. `memberOf`.',
      resolve: (e) => e.attribute ?? null,
    }),
    value: t.string({
      description: "The value the account attribute holds for it on the source, e.g. a group's DN.",
      nullable: true,
      resolve: (e) => e.value ?? null,
    }),
    description: t.string({
      description: 'What the entitlement grants, as its source or an admin describes it.',
      nullable: true,
      resolve: (e) => e.description ?? null,
    }),
    sourceSchemaObjectType: t.string({
      description: "The source schema's object type it comes from, e.g. `group`.",
      nullable: true,
      resolve: (e) => e.sourceSchemaObjectType ?? null,
    }),
    privileged: t.boolean({
      description: 'Whether it grants privileged (administrative) access.',
      nullable: true,
      resolve: (e) => e.privileged ?? null,
    }),
    requestable: t.boolean({
      description: 'Whether identities can request it in ISC.',
      nullable: true,
      resolve: (e) => e.requestable ?? null,
    }),
    cloudGoverned: t.boolean({
      description: 'Whether it is governed in the cloud rather than on the source.',
      nullable: true,
      resolve: (e) => e.cloudGoverned ?? null,
    }),
    attributes: t.field({
      description: "The entitlement's attributes as its source reports them.",
      type: 'JSON',
      nullable: true,
      resolve: (e) => e.attributes ?? null,
    }),
    source: t.field({
      description: 'The ISC source it belongs to.',
      type: IscReference,
      nullable: true,
      resolve: (e) => e.source ?? null,
    }),
    owner: t.field({
      description: 'The identity that owns it.',
      type: IscReference,
      nullable: true,
      resolve: (e) => e.owner ?? null,
    }),
    additionalOwners: t.field({
      type: [IscReference],
      description: 'Owners besides `owner`: identities or governance groups.',
      resolve: (e) => e.additionalOwners ?? [],
    }),
    directPermissions: t.field({
      description: 'Direct permissions it grants: rights on targets.',
      type: [EntitlementPermission],
      resolve: (e) => e.directPermissions ?? [],
    }),
    segments: t.stringList({
      description: 'Ids of the segments it is in.',
      resolve: (e) => e.segments ?? [],
    }),
    manuallyUpdatedFields: t.field({
      type: 'JSON',
      nullable: true,
      description: 'Fields changed by hand in ISC, which aggregation keeps.',
      resolve: (e) => e.manuallyUpdatedFields ?? null,
    }),
    accessModelMetadata: t.field({
      type: 'JSON',
      nullable: true,
      description: 'Access model metadata: `{ attributes: [...] }`, as ISC sends it.',
      resolve: (e) => e.accessModelMetadata ?? null,
    }),
    created: t.field({
      description: 'When ISC first aggregated it.',
      type: 'DateTime',
      nullable: true,
      resolve: (e) => e.created ?? null,
    }),
    modified: t.field({
      description: 'When ISC last changed it.',
      type: 'DateTime',
      nullable: true,
      resolve: (e) => e.modified ?? null,
    }),
  }),
});

export const EntitlementConnection = builder.connectionObject(
  {
    type: EntitlementRef,
    name: 'EntitlementConnection',
    description: 'A page of the entitlements of an account (`GET /v3/accounts/{id}/entitlements`).',
  },
  { name: 'EntitlementEdge', description: 'One entitlement of a page, with its cursor.' },
);
