import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { afterAll, describe, expect, it } from 'vitest';
import { clientPresetConfig } from '../../../codegen.ts';
import { documentId } from '../../../src/plugins/use-trusted-documents.ts';
import { EXAMPLE_OPERATIONS } from '../../../src/schema/example-operations.ts';
import { ROOT } from '../../helpers/gateway-process.ts';

// Inside the tree, so the generated files resolve their imports from its node_modules.
const OUT = join(ROOT, 'test/.codegen');

afterAll(() => process.env.KEEP_CODEGEN || rmSync(OUT, { recursive: true, force: true }));

describe('a typed client made with GraphQL Codegen (client preset, strictScalars)', () => {
  it('generates the example operations and type-checks them with tsc', async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(join(OUT, 'documents'), { recursive: true });
    EXAMPLE_OPERATIONS.forEach((document, index) => {
      writeFileSync(join(OUT, 'documents', `example-${index}.graphql`), document);
    });
    await generate(
      {
        schema: join(ROOT, 'schema.graphql'),
        documents: join(OUT, 'documents/*.graphql'),
        generates: {
          [`${join(OUT, 'gql')}/`]: {
            preset: 'client',
            config: clientPresetConfig,
            presetConfig: { persistedDocuments: true },
          },
        },
        silent: true,
      },
      true,
    );
    // A use of the generated types: the enum of codes and the mapped scalars.
    writeFileSync(
      join(OUT, 'use.ts'),
      `import type { ApproveMutation, ErrorCode, SourceDetailQuery } from './gql/graphql.ts';
const code: ErrorCode = 'RATE_LIMITED';
export const when = (r: SourceDetailQuery): string | null | undefined =>
  r.nonEmployeeSource?.records.edges[0]?.node.startDate;
export const codeOf = (r: ApproveMutation): ErrorCode | null =>
  r.approveNonEmployeeRequest.__typename === 'ApproveNonEmployeeRequestPayload' ? null : code;
`,
    );
    const generated = readFileSync(join(OUT, 'gql/graphql.ts'), 'utf8');
    expect(generated).toMatch(/export type ErrorCode =/);
    const run = () =>
      execFileSync(
        process.execPath,
        [
          join(ROOT, 'node_modules/typescript/bin/tsc'),
          '--noEmit',
          '--strict',
          '--skipLibCheck',
          '--target',
          'es2022',
          '--module',
          'esnext',
          '--moduleResolution',
          'bundler',
          '--allowImportingTsExtensions',
          '--verbatimModuleSyntax',
          join(OUT, 'use.ts'),
          join(OUT, 'gql/index.ts'),
        ],
        { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' },
      );
    expect(run).not.toThrow();

    // The preset's manifest is what PERSISTED_DOCUMENTS reads: `sha256:<hex>` -> document, the hex as the gateway makes it.
    const manifest = JSON.parse(readFileSync(join(OUT, 'gql/persisted-documents.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(Object.keys(manifest)).toHaveLength(EXAMPLE_OPERATIONS.length);
    for (const [id, document] of Object.entries(manifest)) expect(`sha256:${documentId(document)}`).toBe(id);
  }, 120_000);
});
