import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  defaultExtractPersistedOperationId,
  usePersistedOperations,
} from '@graphql-yoga/plugin-persisted-operations';
import type { GraphQLParams, Plugin } from 'graphql-yoga';

export const PERSISTED_DOCUMENT_REQUIRED = 'PERSISTED_DOCUMENT_REQUIRED';
export const PERSISTED_DOCUMENT_NOT_FOUND = 'PERSISTED_DOCUMENT_NOT_FOUND';

/** A document's id in a manifest: the hex SHA-256 of its text, as GraphQL Codegen's client preset makes it. */
export const documentId = (document: string) => createHash('sha256').update(document).digest('hex');

/** The client preset writes ids as `sha256:<hex>`; both forms name the same document. */
const bareId = (id: string) => id.replace(/^sha256:/, '');

/** Document id -> document, from a JSON object such as client-preset's `persisted-documents.json`. */
export function readManifest(path: string): Map<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`PERSISTED_DOCUMENTS: cannot read ${path}: ${(error as Error).message}`);
  }
  const entries =
    parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.entries(parsed) : null;
  if (!entries || entries.some(([, value]) => typeof value !== 'string')) {
    throw new Error(`PERSISTED_DOCUMENTS: ${path} must be a JSON object of document id -> document text`);
  }
  return new Map((entries as [string, string][]).map(([id, document]) => [bareId(id), document]));
}

export interface TrustedDocumentsOptions {
  /** The documents callers may name by id. */
  documents: ReadonlyMap<string, string>;
  /** Refuse any document sent as text. @default false */
  only?: boolean;
}

/** `documentId` (the client preset's request shape) or APQ's `extensions.persistedQuery.sha256Hash`. */
const extractId = (params: GraphQLParams, request: Request, context: Record<string, unknown>) => {
  const id = (params as GraphQLParams & { documentId?: unknown }).documentId;
  return typeof id === 'string' ? id : defaultExtractPersistedOperationId(params, request, context);
};

/** Trusted documents: a request names a document of the manifest by id; with `only`, nothing else runs. */
export function useTrustedDocuments(options: TrustedDocumentsOptions): Plugin {
  const notFound = {
    message: 'No trusted document has this id; register it in the PERSISTED_DOCUMENTS manifest.',
    extensions: { code: PERSISTED_DOCUMENT_NOT_FOUND, http: { status: 400 } },
  };
  return usePersistedOperations({
    getPersistedOperation: (id) => options.documents.get(bareId(id)) ?? null,
    allowArbitraryOperations: !options.only,
    extractPersistedOperationId: extractId,
    customErrors: {
      notFound,
      keyNotFound: notFound,
      persistedQueryOnly: {
        message: 'This gateway runs only trusted documents: send {"documentId": "<sha256 of the document>"}.',
        extensions: { code: PERSISTED_DOCUMENT_REQUIRED, http: { status: 400 } },
      },
    },
  }) as Plugin;
}
