/**
 * A typed client's GraphQL Codegen setup against this gateway (`npx graphql-codegen`): the client
 * preset over the sorted schema, with the scalars mapped so `strictScalars` holds, and the
 * trusted-documents manifest (`persisted-documents.json`) that PERSISTED_DOCUMENTS reads.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

/** How the gateway's scalars arrive in JSON. */
export const SCALARS = {
  /** ISO 8601 with a time, e.g. `2027-01-01T00:00:00.000Z`. */
  DateTime: 'string',
  /** ISO 8601 date, e.g. `2027-01-01`. */
  Date: 'string',
  /** Any JSON value (account attributes, task results). */
  JSON: 'unknown',
  /** An upload in a GraphQL multipart request (the CSV of `importNonEmployeeRecords`). */
  File: 'File',
} as const;

export const clientPresetConfig = {
  strictScalars: true,
  scalars: SCALARS,
  enumsAsTypes: true,
  useTypeImports: true,
};

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/**/*.{ts,tsx,graphql}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      config: clientPresetConfig,
      presetConfig: { persistedDocuments: true },
    },
  },
};

export default config;
