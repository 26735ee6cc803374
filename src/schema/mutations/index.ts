import { builder } from '../builder.ts';
import './non-employee-source-mutations.ts';
import './schema-attribute-mutations.ts';
import './non-employee-record-mutations.ts';
import './non-employee-request-mutations.ts';
import './approval-mutations.ts';
import './bulk-upload-mutations.ts';
import './csv-export-fields.ts';

builder.mutationType({
  description: 'Every write of the NELM API. Expected failures come back as typed results (`... on Error`).',
});
