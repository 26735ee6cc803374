import type { IdentityRef } from '../upstream/wire/nelm.ts';
import { builder } from './builder.ts';

export const IdentityReferenceTypeEnum = builder.enumType('IdentityReferenceType', {
  description: 'What an identity reference points at.',
  values: {
    IDENTITY: { value: 'IDENTITY', description: 'A person (an ISC identity).' },
    GOVERNANCE_GROUP: {
      value: 'GOVERNANCE_GROUP',
      description: 'A governance group (workgroup) of identities.',
    },
  } as const,
});

/** An ISC identity (or governance group) as the NELM API references it: `{ type, id }`. */
export const IdentityReference = builder.objectRef<IdentityRef>('IdentityReference').implement({
  description: 'An ISC identity or governance group, referenced by id.',
  fields: (t) => ({
    type: t.field({
      description: '`IDENTITY` for a person, `GOVERNANCE_GROUP` for a workgroup.',
      type: IdentityReferenceTypeEnum,
      nullable: true,
      resolve: (ref) => ref.type ?? null,
    }),
    id: t.string({
      description: 'The ISC id of the identity or governance group.',
      nullable: true,
      resolve: (ref) => ref.id ?? null,
    }),
  }),
});
