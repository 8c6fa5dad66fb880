import { describe, expect, it } from 'vitest';
import { lineExcerpt, nearestPosition, positionAt } from './task-document-position.ts';

describe('positionAt', () => {
  it('is 1-based and resets the column on each line', () => {
    expect(positionAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('nearestPosition', () => {
  const positions = new Map([['', { line: 1, column: 1 }], ['Layout', { line: 2, column: 13 }], ['Layout.Regions[0]', { line: 4, column: 7 }]]);

  it('finds the field, else its closest parent, else the document', () => {
    expect(nearestPosition(positions, 'Layout.Regions[0]')).toEqual({ line: 4, column: 7 });
    expect(nearestPosition(positions, 'Layout.Regions[0].Alpha')).toEqual({ line: 4, column: 7 });
    expect(nearestPosition(positions, 'Layout.Regions[3].Alpha')).toEqual({ line: 2, column: 13 });
    expect(nearestPosition(positions, 'PushURL')).toEqual({ line: 1, column: 1 });
    expect(nearestPosition(new Map(), 'PushURL')).toBeUndefined();
  });
});

describe('lineExcerpt', () => {
  it('gives a short line without its indentation, with the caret at the column', () => {
    expect(lineExcerpt('{\n\t"a": x\r\n}', 2, 7)).toEqual({ text: '"a": x', caret: 5 });
    expect(lineExcerpt('{\n    ', 2, 3)).toEqual({ text: '    ', caret: 2 });
  });

  it('cuts a long line around the column, marking what was cut', () => {
    const line = `{"a": "${'x'.repeat(200)}", "b": oops, "c": "${'z'.repeat(100)}"}`;
    const column = line.indexOf('oops') + 1;
    const excerpt = lineExcerpt(line, 1, column, 20);
    expect(excerpt.text).toHaveLength(26);
    expect(excerpt.text.startsWith('...')).toBe(true);
    expect(excerpt.text.endsWith('...')).toBe(true);
    expect(excerpt.text.slice(excerpt.caret, excerpt.caret + 4)).toBe('oops');
  });

  it('cuts the end of a long line without a trailing mark', () => {
    const line = `${'y'.repeat(100)}!`;
    const excerpt = lineExcerpt(line, 1, 101, 10);
    expect(excerpt).toEqual({ text: `...${'y'.repeat(9)}!`, caret: 12 });
  });
});
