/**
 * A small JSON scanner that knows where things are: the line and column of the first syntax
 * error and the field it was in, and the position of every value by its dotted path (the same
 * form as parse-task's paths). JSON.parse gives the values; its error messages differ between
 * engines and name no field, so positions come from here.
 */
import { lineExcerpt, positionAt, type LineExcerpt, type TextPosition } from './task-document-position.ts';

export type { LineExcerpt, TextPosition };

/** What the scanner wanted where it stopped. */
export type JsonExpected =
  | 'value'
  | 'key'
  | 'colon'
  | 'commaOrBrace'
  | 'commaOrBracket'
  | 'closingQuote'
  | 'escape'
  | 'endOfDocument';

export interface JsonSyntaxError extends TextPosition {
  offset: number;
  excerpt: LineExcerpt;
  expected: JsonExpected;
  /** What is there instead: a character in quotes, or "end of input". */
  found: string;
  /** The field being read, e.g. `Layout.CustomLayout.Regions[0].Alpha`; absent at the top level. */
  path?: string;
}

export type JsonScan =
  | { ok: true; value: unknown; positions: ReadonlyMap<string, TextPosition> }
  | { ok: false; error: JsonSyntaxError };

type Path = readonly (string | number)[];

export function pathText(path: Path): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out;
}

class Stop {
  constructor(readonly offset: number, readonly expected: JsonExpected, readonly path: Path) {}
}

const MAX_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** Walks the text once; records the offset of every value; throws Stop at the first error. */
function walk(text: string, offsets: Map<string, number>): void {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const string = (path: Path): string => {
    const open = i++;
    for (;;) {
      if (i >= text.length) throw new Stop(i, 'closingQuote', path);
      const ch = text.charCodeAt(i);
      if (ch === 0x22) return JSON.parse(text.slice(open, ++i)) as string; // a validated string literal
      if (ch < 0x20) throw new Stop(i, 'closingQuote', path);
      if (ch === 0x5c) {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) throw new Stop(i, 'escape', path);
        i = ESCAPE.lastIndex;
      } else i++;
    }
  };
  const value = (path: Path, depth: number): void => {
    ws();
    if (depth > MAX_DEPTH) throw new Stop(i, 'value', path);
    offsets.set(pathText(path), i);
    const c = text.charAt(i);
    if (c === '{') {
      i++;
      ws();
      if (text.charAt(i) === '}') return void i++;
      for (;;) {
        ws();
        if (text.charAt(i) !== '"') throw new Stop(i, 'key', path);
        const key = string(path);
        ws();
        if (text.charAt(i) !== ':') throw new Stop(i, 'colon', [...path, key]);
        i++;
        value([...path, key], depth + 1);
        ws();
        if (text.charAt(i) === ',') i++;
        else if (text.charAt(i) === '}') return void i++;
        else throw new Stop(i, 'commaOrBrace', [...path, key]);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text.charAt(i) === ']') return void i++;
      for (let n = 0; ; n++) {
        value([...path, n], depth + 1);
        ws();
        if (text.charAt(i) === ',') i++;
        else if (text.charAt(i) === ']') return void i++;
        else throw new Stop(i, 'commaOrBracket', [...path, n]);
      }
    }
    if (c === '"') return void string(path);
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) return void (i += literal.length);
    }
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) return void (i = NUMBER.lastIndex);
    throw new Stop(i, 'value', path);
  };
  value([], 0);
  ws();
  if (i < text.length) throw new Stop(i, 'endOfDocument', []);
}

/** Line and column of many offsets in one pass over the text. */
function sweepPositions(text: string, offsets: ReadonlyMap<string, number>): Map<string, TextPosition> {
  const sorted = [...offsets].sort((a, b) => a[1] - b[1]);
  const out = new Map<string, TextPosition>();
  let line = 1;
  let column = 1;
  let at = 0;
  for (const [path, offset] of sorted) {
    for (; at < offset; at++) {
      const ch = text.charCodeAt(at);
      if (ch === 0x0a) {
        line++;
        column = 1;
      } else if (ch < 0xdc00 || ch > 0xdfff) column++; // the second half of a surrogate pair adds nothing
    }
    out.set(path, { line, column });
  }
  return out;
}

function found(text: string, offset: number): string {
  if (offset >= text.length) return 'end of input';
  const ch = String.fromCodePoint(text.codePointAt(offset) ?? 0);
  return JSON.stringify(ch);
}

/** Parses `text` as JSON; never throws. On an error, says where, in which field and what was expected. */
export function scanJson(text: string): JsonScan {
  const offsets = new Map<string, number>();
  try {
    walk(text, offsets);
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    const path = pathText(e.path);
    const at = positionAt(text, e.offset);
    return {
      ok: false,
      error: { offset: e.offset, ...at, excerpt: lineExcerpt(text, at.line, at.column), expected: e.expected, found: found(text, e.offset), ...(path ? { path } : {}) },
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The scanner accepted what the engine refused: say so at the start rather than guess.
    return { ok: false, error: { offset: 0, line: 1, column: 1, excerpt: lineExcerpt(text, 1, 1), expected: 'value', found: found(text, 0) } };
  }
  return { ok: true, value, positions: sweepPositions(text, offsets) };
}
