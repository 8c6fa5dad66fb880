/**
 * Positions in a pasted text: line and column (1-based, in characters), the nearest known
 * position of a field path, and the excerpt of a line that an error message shows.
 */

export interface TextPosition {
  /** 1-based. */
  line: number;
  /** 1-based, in characters (a Chinese character or an emoji counts as one). */
  column: number;
}

/** The line an error is on, cut to a readable width around the column, with the caret's place in it. */
export interface LineExcerpt {
  text: string;
  /** 0-based, in characters of `text`. */
  caret: number;
}

export function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: [...before.slice(lineStart)].length + 1 };
}

/** Where a path is, or else the nearest object or list that holds it ('' is the whole document). */
export function nearestPosition(positions: ReadonlyMap<string, TextPosition>, path: string): TextPosition | undefined {
  for (let p = path; ; ) {
    const found = positions.get(p);
    if (found || p === '') return found;
    const parent = p.replace(/(?:\.[^.[\]]*|\[\d+\]|^[^.[\]]+)$/, '');
    p = parent === p ? '' : parent;
  }
}

/** The line `line` of `text` around `column`, at most `width` characters (a minified one-line JSON is long). */
export function lineExcerpt(text: string, line: number, column: number, width = 72): LineExcerpt {
  const whole = [...(text.split('\n')[line - 1] ?? '').replace(/\r$/, '').replace(/\t/g, ' ')];
  // Indentation says nothing about the error: drop it, unless the error is in it.
  const indent = Math.min(Math.max(0, column - 1), Math.max(0, whole.findIndex((c) => c !== ' ')));
  const chars = whole.slice(indent);
  const at = Math.max(0, column - 1 - indent);
  if (chars.length <= width) return { text: chars.join(''), caret: at };
  const start = Math.max(0, Math.min(at - Math.floor(width / 2), chars.length - width));
  const end = start + width;
  // Three dots, not "…": an ellipsis is not one cell wide in every monospace font, and the caret
  // below the line must stay under its character.
  const head = start > 0 ? '...' : '';
  return { text: `${head}${chars.slice(start, end).join('')}${end < chars.length ? '...' : ''}`, caret: at - start + head.length };
}
