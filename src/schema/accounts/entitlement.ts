import type { Entitlement, PermissionDto } from '../../upstream/wire/accounts.ts';
import { builder } from '../builder.ts';
import { IscReference } from './isc-reference.ts';

const EntitlementPermission = builder.objectRef<PermissionDto>('EntitlementPermission').implement({
  description: 'A direct permission: rights on a target.',
  fields: (t) => ({
    rights: t.stringList({ resolve: (p) => p.rights ?? [] }),
    target: t.string({ nullable: true, resolve: (p) => p.target ?? null }),
  }),
});

/** An entitlement an account holds (access on its source, e.g. a group). Not a node: ISC has no get by id here. */
export const EntitlementRef = builder.objectRef<Entitlement>('Entitlement').implement({
  description: 'An entitlement: one piece of access on a source, such as a group membership.',
  fields: (t) => ({
    iscId: t.string({ nullable: true, description: 'The ISC id.', resolve: (e) => e.id ?? null }),
    name: t.string({ nullable: true, resolve: (e) => e.name ?? null }),
    attribute: t.string({
      nullable: true,
      description: 'The account attribute that holds it, e.g. `memberOf`.',
      resolve: (e) => e.attribute ?? null,
    }),
    value: t.string({ nullable: true, resolve: (e) => e.value ?? null }),
    description: t.string({ nullable: true, resolve: (e) => e.description ?? null }),
    sourceSchemaObjectType: t.string({ nullable: true, resolve: (e) => e.sourceSchemaObjectType ?? null }),
    privileged: t.boolean({ nullable: true, resolve: (e) => e.privileged ?? null }),
    requestable: t.boolean({ nullable: true, resolve: (e) => e.requestable ?? null }),
    cloudGoverned: t.boolean({ nullable: true, resolve: (e) => e.cloudGoverned ?? null }),
    attributes: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.attributes ?? null }),
    source: t.field({ type: IscReference, nullable: true, resolve: (e) => e.source ?? null }),
    owner: t.field({ type: IscReference, nullable: true, resolve: (e) => e.owner ?? null }),
    additionalOwners: t.field({
      type: [IscReference],
      description: 'Owners besides `owner`: identities or governance groups.',
      resolve: (e) => e.additionalOwners ?? [],
    }),
    directPermissions: t.field({ type: [EntitlementPermission], resolve: (e) => e.directPermissions ?? [] }),
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
    created: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.created ?? null }),
    modified: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.modified ?? null }),
  }),
});

export const EntitlementConnection = builder.connectionObject(
  { type: EntitlementRef, name: 'EntitlementConnection' },
  { name: 'EntitlementEdge' },
);
