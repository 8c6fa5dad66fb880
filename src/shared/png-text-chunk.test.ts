import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc32, insertTextChunk, isPng, readTextChunk } from './png-text-chunk.ts';

// A 1×1 PNG as any encoder writes it: signature, IHDR, IDAT, IEND, all CRCs sound.
const ONE_PIXEL = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

function insert(png: Uint8Array, text: string, keyword?: string): Uint8Array {
  const out = insertTextChunk(png, text, keyword);
  if (!out.ok) throw new Error(`insert failed: ${out.error}`);
  return out.png;
}

const chunkTypes = (png: Uint8Array) => {
  const types: string[] = [];
  for (let at = 8; at < png.length;) {
    const len = new DataView(png.buffer, png.byteOffset).getUint32(at);
    types.push(String.fromCharCode(...png.subarray(at + 4, at + 8)));
    at += 12 + len;
  }
  return types;
};

describe('crc32', () => {
  it('matches the CRC every PNG stores for IEND', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });

  it('matches the standard check value of "123456789"', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('insertTextChunk', () => {
  it('puts an ASCII text in a tEXt chunk just before IEND', () => {
    const png = insert(ONE_PIXEL, '{"a":1}');
    expect(chunkTypes(png)).toEqual(['IHDR', 'IDAT', 'tEXt', 'IEND']);
    expect(isPng(png)).toBe(true);
  });

  it('uses a UTF-8 iTXt chunk for text beyond ASCII', () => {
    const png = insert(ONE_PIXEL, '{"UserId":"老师"}');
    expect(chunkTypes(png)).toEqual(['IHDR', 'IDAT', 'iTXt', 'IEND']);
    expect(readTextChunk(png)).toEqual({ ok: true, text: '{"UserId":"老师"}' });
  });

  it('replaces an earlier chunk with the same keyword and keeps other text chunks', () => {
    const withOther = insert(ONE_PIXEL, 'made by hand', 'Comment');
    const twice = insert(insert(withOther, 'first'), 'second');
    expect(chunkTypes(twice)).toEqual(['IHDR', 'IDAT', 'tEXt', 'tEXt', 'IEND']);
    expect(readTextChunk(twice)).toEqual({ ok: true, text: 'second' });
    expect(readTextChunk(twice, 'Comment')).toEqual({ ok: true, text: 'made by hand' });
  });

  it('refuses bytes that are not a PNG', () => {
    expect(insertTextChunk(new TextEncoder().encode('{"not":"png"}'), 'x')).toMatchObject({ ok: false, error: 'notPng' });
  });
});

describe('readTextChunk', () => {
  it('round-trips any text, ASCII or not', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(readTextChunk(insert(ONE_PIXEL, text))).toEqual({ ok: true, text });
      }),
    );
  });

  it('round-trips task JSON with a Chinese UserId', () => {
    const json = JSON.stringify({ format: 'mixscope-task', task: { TargetStreams: { StreamList: [{ UserId: '王老师', Index: 0 }] } } });
    expect(readTextChunk(insert(ONE_PIXEL, json))).toEqual({ ok: true, text: json });
  });

  it('says a PNG without mixscope data has none', () => {
    expect(readTextChunk(ONE_PIXEL)).toEqual({ ok: false, error: 'noMixscopeData' });
    expect(readTextChunk(insert(ONE_PIXEL, 'hello', 'Comment'))).toEqual({ ok: false, error: 'noMixscopeData' });
  });

  it('reports a damaged chunk by its CRC', () => {
    const png = insert(ONE_PIXEL, '{"Layout":{}}');
    const damaged = png.slice();
    const textAt = chunkTypes(png).indexOf('tEXt');
    expect(textAt).toBe(2);
    // Flip one byte inside the tEXt payload: its stored CRC no longer matches.
    const tEXtStart = png.length - 12 - (12 + 'mixscope'.length + 1 + '{"Layout":{}}'.length);
    damaged[tEXtStart + 8 + 2] = (damaged[tEXtStart + 8 + 2] ?? 0) ^ 0xff;
    expect(readTextChunk(damaged)).toEqual({ ok: false, error: 'badCrc', detail: `tEXt at byte ${tEXtStart}` });
  });

  it('reports a file cut short', () => {
    const png = insert(ONE_PIXEL, 'x');
    expect(readTextChunk(png.subarray(0, png.length - 5))).toMatchObject({ ok: false, error: 'truncated' });
    expect(readTextChunk(png.subarray(0, 8))).toMatchObject({ ok: false, error: 'truncated' });
  });

  it('reports anything else as not a PNG', () => {
    expect(readTextChunk(new Uint8Array())).toEqual({ ok: false, error: 'notPng' });
    expect(readTextChunk(new TextEncoder().encode('GIF89a...'))).toEqual({ ok: false, error: 'notPng' });
  });
});
