import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scanJson } from './task-document-json.ts';

const errorOf = (text: string) => {
  const scan = scanJson(text);
  if (scan.ok) throw new Error('expected a syntax error');
  return scan.error;
};

describe('scanJson', () => {
  it('parses valid JSON to the same value as JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const scan = scanJson(text);
        expect(scan.ok).toBe(true);
        if (scan.ok) expect(scan.value).toEqual(JSON.parse(text));
      }),
    );
  });

  it('rejects what JSON.parse rejects', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        let native = true;
        try {
          JSON.parse(text);
        } catch {
          native = false;
        }
        expect(scanJson(text).ok).toBe(native);
      }),
    );
  });

  it('agrees with JSON.parse on valid JSON with one character cut out', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, n) => {
        const full = JSON.stringify(value, null, 1);
        const at = n % Math.max(1, full.length);
        const text = full.slice(0, at) + full.slice(at + 1);
        let native = true;
        try {
          JSON.parse(text);
        } catch {
          native = false;
        }
        expect(scanJson(text).ok).toBe(native);
      }),
      { numRuns: 300 },
    );
  });

  it('records where every value starts, by path', () => {
    const text = '{\n  "Layout": {\n    "Regions": [\n      { "Alpha": 0.5 }\n    ]\n  }\n}';
    const scan = scanJson(text);
    expect(scan.ok).toBe(true);
    if (!scan.ok) return;
    expect(scan.positions.get('Layout')).toEqual({ line: 2, column: 13 });
    expect(scan.positions.get('Layout.Regions[0]')).toEqual({ line: 4, column: 7 });
    expect(scan.positions.get('Layout.Regions[0].Alpha')).toEqual({ line: 4, column: 18 });
  });

  it('counts columns in characters, not UTF-16 units', () => {
    const scan = scanJson('{"UserId": "😀老师", "Index": 1}');
    expect(scan.ok && scan.positions.get('Index')).toEqual({ line: 1, column: 28 });
  });

  it('names the line, column and field of a missing value', () => {
    const text = '{\n  "Layout": {\n    "Regions": [\n      { "Alpha": }\n    ]\n  }\n}';
    expect(errorOf(text)).toMatchObject({ line: 4, column: 18, expected: 'value', found: '"}"', path: 'Layout.Regions[0].Alpha' });
    expect(errorOf(text).excerpt).toEqual({ text: '{ "Alpha": }', caret: 11 });
  });

  it('names a missing comma after a property', () => {
    expect(errorOf('{"Status": 2\n "EndTime": 0}')).toMatchObject({ line: 2, column: 2, expected: 'commaOrBrace', path: 'Status' });
  });

  it('names a trailing comma in a list by the element that follows it', () => {
    expect(errorOf('{"StreamList": [{"UserId": "a"},]}')).toMatchObject({ expected: 'value', path: 'StreamList[1]' });
  });

  it('reports JSON cut short at its end, inside the field being read', () => {
    const text = '{"Layout": {"CustomLayout": {"Regions": [{"StreamIndex": 1';
    expect(errorOf(text)).toMatchObject({ line: 1, column: text.length + 1, expected: 'commaOrBrace', found: 'end of input', path: 'Layout.CustomLayout.Regions[0].StreamIndex' });
  });

  it('reports an unquoted key, a single-quoted string and a bad escape', () => {
    expect(errorOf('{Status: 2}')).toMatchObject({ column: 2, expected: 'key' });
    expect(errorOf("{\"PushURL\": 'rtmp://a'}")).toMatchObject({ expected: 'value', path: 'PushURL' });
    expect(errorOf('{"PushURL": "rtmp:\\q"}')).toMatchObject({ expected: 'escape', path: 'PushURL' });
  });

  it('reports a line break inside a string as an unclosed string', () => {
    expect(errorOf('{"UserId": "ab\ncd"}')).toMatchObject({ line: 1, column: 15, expected: 'closingQuote', path: 'UserId' });
  });

  it('reports text after the document and empty input', () => {
    expect(errorOf('{} {}')).toMatchObject({ column: 4, expected: 'endOfDocument' });
    expect(errorOf('')).toMatchObject({ line: 1, column: 1, expected: 'value', found: 'end of input' });
  });

  it('survives very deep nesting without throwing', () => {
    expect(scanJson('['.repeat(100_000)).ok).toBe(false);
  });
});
