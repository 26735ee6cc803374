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
    accountName: t.string({
      description:
        "The account name, unique in the source: the non-employee's account id on the source's ISC source.",
      resolve: (person) => person.accountName ?? '',
    }),
    firstName: t.string({
      description: "The non-employee's first name.",
      nullable: true,
      resolve: (person) => person.firstName ?? null,
    }),
    lastName: t.string({
      description: "The non-employee's last name.",
      nullable: true,
      resolve: (person) => person.lastName ?? null,
    }),
    email: t.string({
      description: "The non-employee's email address.",
      nullable: true,
      resolve: (person) => person.email ?? null,
    }),
    phone: t.string({
      description: "The non-employee's phone number.",
      nullable: true,
      resolve: (person) => person.phone ?? null,
    }),
    startDate: t.field({
      description: 'When the engagement starts.',
      type: 'DateTime',
      nullable: true,
      resolve: (person) => person.startDate ?? null,
    }),
    endDate: t.field({
      description: 'When the engagement ends: after it, the record counts as expired.',
      type: 'DateTime',
      nullable: true,
      resolve: (person) => person.endDate ?? null,
    }),
    created: t.field({
      description: 'When ISC created it.',
      type: 'DateTime',
      nullable: true,
      resolve: (person) => person.created ?? null,
    }),
    modified: t.field({
      description: 'When ISC last changed it.',
      type: 'DateTime',
      nullable: true,
      resolve: (person) => person.modified ?? null,
    }),
  };
}
