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
  {
    type: NonEmployeeSourceRef,
    name: 'NonEmployeeSourceConnection',
    description:
      'A page of non-employee sources (`GET /v3/non-employee-sources`), with cursors and the total.',
  },
  {
    name: 'NonEmployeeSourceEdge',
    description: 'One of the non-employee sources of a page, with its cursor.',
  },
);

export const NonEmployeeRecordConnection = builder.connectionObject(
  {
    type: NonEmployeeRecordRef,
    name: 'NonEmployeeRecordConnection',
    description:
      'A page of non-employee records (`GET /v3/non-employee-records`), with cursors and the total.',
  },
  {
    name: 'NonEmployeeRecordEdge',
    description: 'One of the non-employee records of a page, with its cursor.',
  },
);

export const NonEmployeeRequestConnection = builder.connectionObject(
  {
    type: NonEmployeeRequestRef,
    name: 'NonEmployeeRequestConnection',
    description:
      'A page of non-employee requests (`GET /v3/non-employee-requests`), with cursors and the total.',
  },
  {
    name: 'NonEmployeeRequestEdge',
    description: 'One of the non-employee requests of a page, with its cursor.',
  },
);

export const NonEmployeeApprovalConnection = builder.connectionObject(
  {
    type: NonEmployeeApprovalRef,
    name: 'NonEmployeeApprovalConnection',
    description: 'A page of approval items (`GET /v3/non-employee-approvals`), with cursors and the total.',
  },
  { name: 'NonEmployeeApprovalEdge', description: 'One of the approval items of a page, with its cursor.' },
);

export const AccountConnection = builder.connectionObject(
  {
    type: AccountRef,
    name: 'AccountConnection',
    description: 'A page of accounts (`GET /v3/accounts`), with cursors and the total.',
  },
  { name: 'AccountEdge', description: 'One of the accounts of a page, with its cursor.' },
);
