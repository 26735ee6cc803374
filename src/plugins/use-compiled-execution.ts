import { useGraphQlJit } from '@envelop/graphql-jit';
import { type DocumentNode, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { usesIncremental } from './use-defer-fallback.ts';

/** One query or mutation, with no `@defer` or `@stream`: what graphql-jit runs as graphql-js would. */
function compilable(document: DocumentNode): boolean {
  let operations = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    operations += 1;
    if (definition.operation === 'subscription') return false;
  }
  return operations === 1 && !usesIncremental(document);
}

/**
 * Queries and mutations run compiled (graphql-jit): a function per document, built once and kept
 * with the document, instead of graphql-js walking the selection for every field of every row.
 * On a 250-record screen that is about a third of the gateway's CPU.
 *
 * Left to the standard executor: subscriptions and `@defer`/`@stream`, which graphql-jit does not
 * know, and documents of several operations, since the plugin keeps one compiled operation per
 * document whichever operation is named. Put it before any plugin that wraps the executor (the
 * request deadline), so that theirs wraps this one.
 */
export function useCompiledExecution(): Plugin {
  const eligible = new WeakMap<DocumentNode, boolean>();
  return useGraphQlJit(
    {},
    {
      enableIf: ({ document }) => {
        let yes = eligible.get(document);
        if (yes === undefined) {
          yes = compilable(document);
          eligible.set(document, yes);
        }
        return yes;
      },
    },
  ) as Plugin;
}
