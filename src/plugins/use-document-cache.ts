import type { DocumentNode, GraphQLSchema, Source } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { defaultOf, SETTINGS } from '../config-settings.ts';
import { createBoundedCache } from './bounded-cache.ts';

export interface DocumentCacheOptions {
  /** Documents kept. @default as `GRAPHQL_DOCUMENT_CACHE_SIZE` */
  maxEntries?: number;
  /** Total UTF-8 size of their texts. @default as `GRAPHQL_DOCUMENT_CACHE_BYTES` */
  maxBytes?: number;
}

/**
 * Keeps parsed documents that passed validation, keyed by their text, bounded by count and by
 * bytes; a document that fails to parse or validate is never kept. Replaces Yoga's own cache,
 * which keeps up to 1,024 documents of any size, failed ones too.
 */
export function useDocumentCache(options: DocumentCacheOptions = {}): Plugin {
  const cache = createBoundedCache<DocumentNode>({
    maxEntries: options.maxEntries ?? defaultOf(SETTINGS.limits.documentCacheSize),
    maxWeight: options.maxBytes ?? defaultOf(SETTINGS.limits.documentCacheBytes),
  });
  // Documents parsed by this request and not yet validated, and those validated (against what).
  const pending = new WeakMap<DocumentNode, string>();
  const validated = new WeakMap<DocumentNode, { schema: GraphQLSchema; rules: string }>();
  const textOf = (source: string | Source) => (typeof source === 'string' ? source : source.body);

  return {
    onParse({ params, setParsedDocument }) {
      const text = textOf(params.source);
      const cached = cache.get(text);
      if (cached) {
        setParsedDocument(cached);
        return;
      }
      return ({ result }) => {
        if (result && !(result instanceof Error)) pending.set(result as DocumentNode, text);
      };
    },
    onValidate({ params: { schema, documentAST, rules }, setResult }) {
      const rulesKey = rules?.map((rule: { name: string }) => rule.name).join(',') ?? '';
      const seen = validated.get(documentAST);
      if (seen && seen.schema === schema && seen.rules === rulesKey) {
        setResult([]);
        return;
      }
      return ({ valid }) => {
        const text = pending.get(documentAST);
        pending.delete(documentAST);
        if (!valid || text === undefined) return;
        validated.set(documentAST, { schema, rules: rulesKey });
        cache.set(text, documentAST);
      };
    },
  };
}
