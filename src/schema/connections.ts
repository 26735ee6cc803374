import { builder } from './builder.ts';
import {
  AccountRef,
  NonEmployeeApprovalRef,
  NonEmployeeRecordRef,
  NonEmployeeRequestRef,
  NonEmployeeSourceRef,
} from './refs.ts';

/** `totalCount` on every connection; resolvers ask upstream to count only when it is selected. */
builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'Items in the whole list (counted upstream only when this field is selected).',
    resolve: (connection) => {
      if (connection.totalCount === null) throw new Error('totalCount was not fetched');
      return connection.totalCount;
    },
  }),
);

export const NonEmployeeSourceConnection = builder.connectionObject(
  { type: NonEmployeeSourceRef, name: 'NonEmployeeSourceConnection' },
  { name: 'NonEmployeeSourceEdge' },
);

export const NonEmployeeRecordConnection = builder.connectionObject(
  { type: NonEmployeeRecordRef, name: 'NonEmployeeRecordConnection' },
  { name: 'NonEmployeeRecordEdge' },
);

export const NonEmployeeRequestConnection = builder.connectionObject(
  { type: NonEmployeeRequestRef, name: 'NonEmployeeRequestConnection' },
  { name: 'NonEmployeeRequestEdge' },
);

export const NonEmployeeApprovalConnection = builder.connectionObject(
  { type: NonEmployeeApprovalRef, name: 'NonEmployeeApprovalConnection' },
  { name: 'NonEmployeeApprovalEdge' },
);

export const AccountConnection = builder.connectionObject(
  { type: AccountRef, name: 'AccountConnection' },
  { name: 'AccountEdge' },
);
