/**
 * A PNG text chunk that carries mixscope's task JSON, so an exported picture can be reopened on
 * /inspect. Pure byte work on Uint8Array: runs in the browser and in Node alike.
 *
 * Text that is plain ASCII goes in a `tEXt` chunk (Latin-1 by the PNG spec); anything else
 * (a Chinese UserId, an emoji) goes in an uncompressed `iTXt` chunk, which is UTF-8.
 */

export const MIXSCOPE_KEYWORD = 'mixscope';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG (and zlib, and gzip) define it. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = (CRC_TABLE[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export type PngTextError =
  | 'notPng' // the signature is missing: not a PNG file at all
  | 'truncated' // a chunk runs past the end of the file, or IEND is missing
  | 'badCrc' // a chunk's CRC does not match its bytes: the file was damaged
  | 'noMixscopeData' // a valid PNG without a mixscope chunk (not exported by mixscope)
  | 'unsupported'; // a compressed iTXt chunk, which mixscope never writes

export type PngTextResult =
  | { ok: true; text: string }
  | { ok: false; error: PngTextError; /** The chunk concerned, e.g. "IDAT at byte 33". */ detail?: string };

interface Chunk {
  type: string;
  /** Offset of the chunk's length field. */
  start: number;
  dataStart: number;
  dataEnd: number;
  /** Offset just past the CRC. */
  end: number;
}

const readU32 = (b: Uint8Array, at: number) => (((b[at] ?? 0) << 24) | ((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)) >>> 0;
const latin1 = (b: Uint8Array) => Array.from(b, (x) => String.fromCharCode(x)).join('');

function hasSignature(png: Uint8Array): boolean {
  return png.length >= SIGNATURE.length && SIGNATURE.every((v, i) => png[i] === v);
}

type Walk = { ok: true; chunks: Chunk[] } | { ok: false; error: PngTextError; detail?: string };

/** Every chunk up to and including IEND, each CRC checked. */
function walkChunks(png: Uint8Array): Walk {
  if (!hasSignature(png)) return { ok: false, error: 'notPng' };
  const chunks: Chunk[] = [];
  let at = SIGNATURE.length;
  while (at + 12 <= png.length) {
    const length = readU32(png, at);
    const type = latin1(png.subarray(at + 4, at + 8));
    const dataStart = at + 8;
    const dataEnd = dataStart + length;
    if (dataEnd + 4 > png.length) return { ok: false, error: 'truncated', detail: `${type} at byte ${at}` };
    if (crc32(png, at + 4, dataEnd) !== readU32(png, dataEnd)) return { ok: false, error: 'badCrc', detail: `${type} at byte ${at}` };
    chunks.push({ type, start: at, dataStart, dataEnd, end: dataEnd + 4 });
    if (type === 'IEND') return { ok: true, chunks };
    at = dataEnd + 4;
  }
  return { ok: false, error: 'truncated', detail: 'no IEND chunk' };
}

function chunkBytes(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/** ASCII without NUL: tEXt allows no NUL in its text and is Latin-1 only. */
const isPlainAscii = (text: string) => [...text].every((ch) => ch.charCodeAt(0) > 0 && ch.charCodeAt(0) < 0x80);

function textChunk(keyword: string, text: string): Uint8Array {
  const enc = new TextEncoder();
  const key = enc.encode(keyword);
  if (isPlainAscii(text)) {
    // tEXt: keyword, NUL, text.
    return chunkBytes('tEXt', concat([key, Uint8Array.of(0), enc.encode(text)]));
  }
  // iTXt: keyword, NUL, compression flag 0, method 0, empty language tag + NUL, empty translated keyword + NUL, UTF-8 text.
  return chunkBytes('iTXt', concat([key, Uint8Array.of(0, 0, 0, 0, 0), enc.encode(text)]));
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The keyword of a tEXt/iTXt chunk and where its payload starts, or undefined for other chunks. */
function keywordOf(png: Uint8Array, chunk: Chunk): { keyword: string; rest: number } | undefined {
  if (chunk.type !== 'tEXt' && chunk.type !== 'iTXt') return undefined;
  const nul = png.subarray(chunk.dataStart, chunk.dataEnd).indexOf(0);
  if (nul < 0) return undefined;
  return { keyword: latin1(png.subarray(chunk.dataStart, chunk.dataStart + nul)), rest: chunk.dataStart + nul + 1 };
}

/**
 * A copy of `png` with `text` under `keyword`, just before IEND; an earlier chunk with the same
 * keyword is dropped, so exporting a reopened PNG does not stack copies. A byte array that is not
 * a sound PNG is returned as an error, not thrown.
 */
export function insertTextChunk(png: Uint8Array, text: string, keyword = MIXSCOPE_KEYWORD): { ok: true; png: Uint8Array } | { ok: false; error: PngTextError; detail?: string } {
  const walk = walkChunks(png);
  if (!walk.ok) return walk;
  const kept = walk.chunks.filter((c) => c.type !== 'IEND' && keywordOf(png, c)?.keyword !== keyword);
  const iend = walk.chunks.at(-1);
  if (!iend) return { ok: false, error: 'truncated' };
  return {
    ok: true,
    png: concat([png.subarray(0, SIGNATURE.length), ...kept.map((c) => png.subarray(c.start, c.end)), textChunk(keyword, text), png.subarray(iend.start, iend.end)]),
  };
}

/** The text stored under `keyword`, after checking the signature and every chunk's CRC. */
export function readTextChunk(png: Uint8Array, keyword = MIXSCOPE_KEYWORD): PngTextResult {
  const walk = walkChunks(png);
  if (!walk.ok) return walk;
  for (const chunk of walk.chunks) {
    const found = keywordOf(png, chunk);
    if (found?.keyword !== keyword) continue;
    if (chunk.type === 'tEXt') return { ok: true, text: latin1(png.subarray(found.rest, chunk.dataEnd)) };
    const compressed = png[found.rest] !== 0;
    if (compressed) return { ok: false, error: 'unsupported', detail: 'compressed iTXt' };
    // Skip compression flag and method, then the language tag and translated keyword (NUL-terminated).
    let at = found.rest + 2;
    for (let field = 0; field < 2; field++) {
      const nul = png.subarray(at, chunk.dataEnd).indexOf(0);
      if (nul < 0) return { ok: false, error: 'truncated', detail: 'iTXt header' };
      at += nul + 1;
    }
    return { ok: true, text: new TextDecoder('utf-8', { fatal: false }).decode(png.subarray(at, chunk.dataEnd)) };
  }
  return { ok: false, error: 'noMixscopeData' };
}

export function isPng(bytes: Uint8Array): boolean {
  return hasSignature(bytes);
}
