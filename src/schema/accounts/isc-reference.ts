import type { BaseReference } from '../../upstream/wire/accounts.ts';
import { builder } from '../builder.ts';

/** An ISC object referenced by type, id and name, as the Accounts API embeds them. */
export const IscReference = builder.objectRef<BaseReference>('IscReference').implement({
  description: 'An ISC object (identity, source, governance group) referenced by type, id and name.',
  fields: (t) => ({
    type: t.string({
      description: 'The kind of object, e.g. `IDENTITY`, `SOURCE`, `GOVERNANCE_GROUP`.',
      nullable: true,
      resolve: (ref) => ref.type ?? null,
    }),
    id: t.string({ description: 'Its ISC id.', nullable: true, resolve: (ref) => ref.id ?? null }),
    name: t.string({ description: 'Its name.', nullable: true, resolve: (ref) => ref.name ?? null }),
  }),
});
