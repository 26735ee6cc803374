import { type DocumentNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface DeferFallbackOptions {
  /** Media types of the incremental answers the gateway streams. @default ['multipart/mixed', 'text/event-stream'] */
  incremental?: readonly string[];
}

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
 */
export function useDeferFallback(options: DeferFallbackOptions = {}): Plugin {
  const incremental = options.incremental ?? ['multipart/mixed', 'text/event-stream'];
  const stripped = new WeakMap<DocumentNode, DocumentNode | null>();
  const streams = (request: Request | undefined) => {
    const accept = request?.headers.get('accept')?.toLowerCase() ?? '';
    return incremental.some((type) => accept.includes(type));
  };

  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (streams((args.contextValue as { request?: Request }).request)) return;
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
