import { badContent } from '../http/sandbox-error.ts';
import {
  COMPARE_OPERATORS,
  type CompareOperator,
  type FilterLiteral,
  type FilterNode,
} from './filter-ast.ts';

type Token =
  | { type: 'string'; value: string; at: number }
  | { type: 'word'; value: string; at: number }
  | { type: '(' | ')' | ','; at: number };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const FIELD = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const WORD_CHAR = /[A-Za-z0-9_.:+-]/;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
};

export const invalidFilter = (message: string) => badContent(`Invalid filter: ${message}`);

const OPERATOR_WORDS: ReadonlySet<string> = new Set(['in', 'isnull', 'pr', 'and', 'or', 'not']);

const upperCaseOperator = (word: string, at: number) =>
  invalidFilter(`operator '${word}' at position ${at} must be lower case ('${word.toLowerCase()}')`);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ type: ch, at: i });
      i++;
    } else if (ch === '"') {
      const at = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw invalidFilter(`unterminated string starting at position ${at}`);
        const c = text[i];
        if (c === '"') break;
        if (c === '\\') {
          const next = text[i + 1];
          if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            value += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
            i += 6;
            continue;
          }
          if (next === undefined || !(next in ESCAPES)) {
            throw invalidFilter(`invalid escape '\\${next ?? ''}' at position ${i}`);
          }
          value += ESCAPES[next];
          i += 2;
          continue;
        }
        value += c;
        i++;
      }
      i++;
      tokens.push({ type: 'string', value, at });
    } else if (WORD_CHAR.test(ch)) {
      const at = i;
      while (i < text.length && WORD_CHAR.test(text[i])) i++;
      tokens.push({ type: 'word', value: text.slice(at, i), at });
    } else {
      throw invalidFilter(`unexpected character '${ch}' at position ${i}`);
    }
  }
  return tokens;
}

function literalOf(token: Token): FilterLiteral {
  if (token.type === 'string') return { type: 'string', value: token.value };
  if (token.type !== 'word') throw invalidFilter(`expected a value at position ${token.at}`);
  const word = token.value;
  if (word === 'true' || word === 'false') return { type: 'boolean', value: word === 'true' };
  if (word === 'null') return { type: 'null' };
  if (NUMBER.test(word)) return { type: 'number', value: Number(word) };
  if (ISO_DATE.test(word)) {
    const epochMs = Date.parse(word);
    if (Number.isNaN(epochMs)) throw invalidFilter(`invalid date '${word}' at position ${token.at}`);
    return { type: 'date', value: word, epochMs };
  }
  throw invalidFilter(`'${word}' at position ${token.at} is not a value; quote strings with double quotes`);
}

/**
 * Parses ISC's filter syntax: `field op value`, `field in (v, ...)`, `field isnull`, `pr field`,
 * combined with `and` (binds tighter), `or`, `not` and parentheses.
 */
export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const end = () => (tokens.length ? tokens[tokens.length - 1].at + 1 : 0);
  // A tenant answers 400 to `EQ` or `AND`: operators and keywords are lower case only.
  const isKeyword = (token: Token | undefined, word: string) => {
    if (token?.type !== 'word' || token.value.toLowerCase() !== word) return false;
    if (token.value !== word) throw upperCaseOperator(token.value, token.at);
    return true;
  };
  const describe = (token: Token | undefined) =>
    token === undefined
      ? 'end of filter'
      : `'${token.type === 'word' || token.type === 'string' ? token.value : token.type}' at position ${token.at}`;

  function expectField(): string {
    const token = tokens[pos++];
    if (token?.type !== 'word' || !FIELD.test(token.value)) {
      throw invalidFilter(`expected a field name, found ${describe(token)}`);
    }
    return token.value;
  }

  function comparison(): FilterNode {
    if (isKeyword(peek(), 'pr')) {
      pos++;
      return { kind: 'pr', field: expectField() };
    }
    const field = expectField();
    const opToken = tokens[pos++];
    if (opToken?.type !== 'word')
      throw invalidFilter(`expected an operator after '${field}', found ${describe(opToken)}`);
    const op = opToken.value.toLowerCase();
    if (op !== opToken.value && (OPERATOR_WORDS.has(op) || COMPARE_OPERATORS.has(op))) {
      throw upperCaseOperator(opToken.value, opToken.at);
    }
    if (op === 'isnull' || op === 'pr') return { kind: op, field };
    if (op === 'in') {
      if (peek()?.type !== '(') throw invalidFilter(`expected '(' after 'in', found ${describe(peek())}`);
      pos++;
      const values: FilterLiteral[] = [];
      for (;;) {
        const token = tokens[pos++];
        if (!token) throw invalidFilter(`unterminated 'in' list at position ${end()}`);
        values.push(literalOf(token));
        const sep = tokens[pos++];
        if (sep?.type === ')') break;
        if (sep?.type !== ',')
          throw invalidFilter(`expected ',' or ')' in 'in' list, found ${describe(sep)}`);
      }
      return { kind: 'in', field, values };
    }
    if (!COMPARE_OPERATORS.has(op))
      throw invalidFilter(`unknown operator '${opToken.value}' at position ${opToken.at}`);
    const valueToken = tokens[pos++];
    if (!valueToken) throw invalidFilter(`expected a value after '${field} ${op}'`);
    return { kind: 'compare', field, op: op as CompareOperator, value: literalOf(valueToken) };
  }

  function unary(): FilterNode {
    if (isKeyword(peek(), 'not')) {
      pos++;
      return { kind: 'not', operand: unary() };
    }
    if (peek()?.type === '(') {
      pos++;
      const inner = or();
      if (peek()?.type !== ')') throw invalidFilter(`expected ')', found ${describe(peek())}`);
      pos++;
      return inner;
    }
    return comparison();
  }

  function and(): FilterNode {
    const operands = [unary()];
    while (isKeyword(peek(), 'and')) {
      pos++;
      operands.push(unary());
    }
    return operands.length === 1 ? operands[0] : { kind: 'and', operands };
  }

  function or(): FilterNode {
    const operands = [and()];
    while (isKeyword(peek(), 'or')) {
      pos++;
      operands.push(and());
    }
    return operands.length === 1 ? operands[0] : { kind: 'or', operands };
  }

  if (tokens.length === 0) throw invalidFilter('the filter is empty');
  const tree = or();
  if (pos < tokens.length) throw invalidFilter(`unexpected ${describe(tokens[pos])}`);
  return tree;
}
