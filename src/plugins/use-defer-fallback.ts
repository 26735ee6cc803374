import { type DocumentNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Media types of the incremental answers the gateway streams. */
const INCREMENTAL_TYPES: readonly string[] = ['multipart/mixed', 'text/event-stream'];

export interface DeferFallbackOptions {
  /** Media types of the incremental answers the gateway streams. @default ['multipart/mixed', 'text/event-stream'] */
  incremental?: readonly string[];
}

/** Whether the request's client takes an incremental answer; if not, its `@defer`/`@stream` are dropped. */
export const acceptsIncremental = (
  request: Request | undefined,
  types: readonly string[] = INCREMENTAL_TYPES,
): boolean => {
  const accept = request?.headers.get('accept')?.toLowerCase() ?? '';
  return types.some((type) => accept.includes(type));
};

const DIRECTIVES = new Set(['defer', 'stream']);

/** The document without `@defer` and `@stream`: the same data, in one answer. */
function withoutIncremental(document: DocumentNode): DocumentNode {
  return visit(document, {
    Directive: (node) => (DIRECTIVES.has(node.name.value) ? null : undefined),
  });
}

export const usesIncremental = (document: DocumentNode): boolean => {
  let found = false;
  visit(document, {
    Directive(node) {
      if (DIRECTIVES.has(node.name.value)) found = true;
    },
  });
  return found;
};

/**
 * A client that accepts only one JSON answer still gets one for a document with `@defer` or
 * `@stream` (instead of a 406): the directives are dropped, so the data is the same, at once.
 * It wraps whichever executor the plugins before it chose, so the compiled one runs the
 * stripped document too.
 */
export function useDeferFallback(options: DeferFallbackOptions = {}): Plugin {
  const incremental = options.incremental ?? INCREMENTAL_TYPES;
  const stripped = new WeakMap<DocumentNode, DocumentNode | null>();

  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (acceptsIncremental((args.contextValue as { request?: Request }).request, incremental)) return;
      let plain = stripped.get(args.document);
      if (plain === undefined) {
        plain = usesIncremental(args.document) ? withoutIncremental(args.document) : null;
        stripped.set(args.document, plain);
      }
      if (!plain) return;
      const document = plain;
      setExecuteFn((execArgs) => executeFn({ ...execArgs, document }));
    },
  };
}
