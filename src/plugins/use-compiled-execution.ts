import { useGraphQlJit } from '@envelop/graphql-jit';
import { type DocumentNode, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { acceptsIncremental, usesIncremental } from './use-defer-fallback.ts';

interface Shape {
  /** One query or mutation: what graphql-jit runs as graphql-js would. */
  single: boolean;
  /** Uses `@defer` or `@stream`, which graphql-jit does not know. */
  incremental: boolean;
}

function shapeOf(document: DocumentNode): Shape {
  let operations = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    operations += 1;
    if (definition.operation === 'subscription') return { single: false, incremental: false };
  }
  return { single: operations === 1, incremental: operations === 1 && usesIncremental(document) };
}

/**
 * Queries and mutations run compiled (graphql-jit): a function per document, built once and kept
 * with the document, instead of graphql-js walking the selection for every field of every row.
 * On a 250-record screen that is about a third of the gateway's CPU.
 *
 * Left to the standard executor: subscriptions, `@defer`/`@stream` for a client that takes an
 * incremental answer (graphql-jit does not know them), and documents of several operations, since
 * the plugin keeps one compiled operation per document whichever operation is named. For a
 * client that takes one answer the defer fallback drops those directives: put this plugin before
 * it, so that it runs the stripped document compiled, and before any plugin that wraps the
 * executor (the request deadline), so that theirs wraps this one.
 */
export function useCompiledExecution(): Plugin {
  const shapes = new WeakMap<DocumentNode, Shape>();
  return useGraphQlJit(
    {},
    {
      enableIf: ({ document, contextValue }) => {
        let shape = shapes.get(document);
        if (shape === undefined) {
          shape = shapeOf(document);
          shapes.set(document, shape);
        }
        if (!shape.single) return false;
        return !shape.incremental || !acceptsIncremental((contextValue as { request?: Request }).request);
      },
    },
  ) as Plugin;
}
