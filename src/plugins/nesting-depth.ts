/**
 * Stack-safe measures of nesting, taken before anything recursive (the GraphQL parser, variable
 * coercion) sees a document or a value: a literal nested 2,000 deep overflows the parser's stack.
 */

export interface DocumentNesting {
  /** Deepest nesting of `[` and `{` inside arguments and variable definitions (values and types). */
  valueDepth: number;
  /** Deepest nesting of brackets of any kind. */
  totalDepth: number;
}

const OPEN = new Set(['{', '[', '(']);
const CLOSE = new Set(['}', ']', ')']);

/**
 * One pass over the text: strings, block strings and comments are skipped, brackets counted.
 * Unbalanced brackets are left for the parser to report.
 */
export function measureDocumentNesting(text: string): DocumentNesting {
  let valueDepth = 0;
  let totalDepth = 0;
  // Bracket depth at each open `(`: value depth is what opened after the innermost one.
  const parens: number[] = [];
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '#') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (c === '"') {
      i = skipString(text, i);
      continue;
    }
    if (OPEN.has(c)) {
      if (c === '(') parens.push(depth);
      depth++;
      totalDepth = Math.max(totalDepth, depth);
      if (parens.length > 0 && c !== '(') valueDepth = Math.max(valueDepth, depth - parens.at(-1)! - 1);
    } else if (CLOSE.has(c)) {
      if (c === ')') parens.pop();
      depth = Math.max(0, depth - 1);
    }
    i++;
  }
  return { valueDepth, totalDepth };
}

/** The index just past the string (or block string) starting at `start`. */
function skipString(text: string, start: number): number {
  if (text.startsWith('"""', start)) {
    let i = start + 3;
    while (i < text.length) {
      if (text[i] === '\\' && text.startsWith('\\"""', i)) i += 4;
      else if (text.startsWith('"""', i)) return i + 3;
      else i++;
    }
    return i;
  }
  let i = start + 1;
  while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Deepest nesting of arrays and objects in a JSON value (a scalar is 0), walked without recursion. */
export function measureValueDepth(value: unknown, stopAbove = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    const here = depth + 1;
    deepest = Math.max(deepest, here);
    if (deepest > stopAbove) return deepest;
    const children = Array.isArray(item) ? item : Object.values(item);
    for (const child of children) stack.push([child, here]);
  }
  return deepest;
}
