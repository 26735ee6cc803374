import { builder } from './builder.ts';
import './errors/error-types.ts';
import './connections.ts';
import './non-employee-source.ts';
import './schema-attribute.ts';
import './non-employee-record.ts';
import './non-employee-request.ts';
import './non-employee-approval.ts';
import './summaries.ts';
import './account.ts';
import './mutations/index.ts';

export const schema = builder.toSchema();
