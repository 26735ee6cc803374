import type { BuilderTypes } from './builder.ts';

/** What a record and a request both say about the non-employee. */
interface PersonShape {
  accountName?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  startDate?: string;
  endDate?: string;
  created?: string;
  modified?: string;
}

/** The fields `NonEmployeeRecord` and `NonEmployeeRequest` share, defined alike on both. */
export function personFields<Shape extends PersonShape>(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Shape>,
) {
  return {
    accountName: t.string({ resolve: (person) => person.accountName ?? '' }),
    firstName: t.string({ nullable: true, resolve: (person) => person.firstName ?? null }),
    lastName: t.string({ nullable: true, resolve: (person) => person.lastName ?? null }),
    email: t.string({ nullable: true, resolve: (person) => person.email ?? null }),
    phone: t.string({ nullable: true, resolve: (person) => person.phone ?? null }),
    startDate: t.field({ type: 'DateTime', nullable: true, resolve: (person) => person.startDate ?? null }),
    endDate: t.field({ type: 'DateTime', nullable: true, resolve: (person) => person.endDate ?? null }),
    created: t.field({ type: 'DateTime', nullable: true, resolve: (person) => person.created ?? null }),
    modified: t.field({ type: 'DateTime', nullable: true, resolve: (person) => person.modified ?? null }),
  };
}
