import type { IdentityRef } from '../upstream/wire/nelm.ts';
import { builder } from './builder.ts';

export const IdentityReferenceTypeEnum = builder.enumType('IdentityReferenceType', {
  values: ['IDENTITY', 'GOVERNANCE_GROUP'] as const,
});

/** An ISC identity (or governance group) as the NELM API references it: `{ type, id }`. */
export const IdentityReference = builder.objectRef<IdentityRef>('IdentityReference').implement({
  description: 'An ISC identity or governance group, referenced by id.',
  fields: (t) => ({
    type: t.field({ type: IdentityReferenceTypeEnum, nullable: true, resolve: (ref) => ref.type ?? null }),
    id: t.string({ nullable: true, resolve: (ref) => ref.id ?? null }),
  }),
});
