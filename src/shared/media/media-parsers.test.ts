import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BitReader } from './bit-reader.ts';
import { BitWriter } from './bit-writer.ts';
import { escapeRbsp, unescapeRbsp } from './emulation-prevention.ts';
import { FlvDemuxer, FlvFormatError, type FlvEvent } from './flv-demuxer.ts';
import { avcConfigBody, flvHeader, flvTag } from './flv-writer.ts';
import { parseAvcConfig } from './flv-avc.ts';
import { parseSeiMessages, volcSeiMessage, volcSeiText, writeSei } from './h264-sei.ts';
import { parseSps, writePps, writeSps } from './h264-sps.ts';

type Element = { kind: 'u'; bits: number; value: number } | { kind: 'ue'; value: number } | { kind: 'se'; value: number };
const element: fc.Arbitrary<Element> = fc.oneof(
  fc.integer({ min: 1, max: 32 }).chain((bits) => fc.record({ kind: fc.constant('u' as const), bits: fc.constant(bits), value: fc.integer({ min: 0, max: 2 ** bits - 1 }) })),
  fc.record({ kind: fc.constant('ue' as const), value: fc.integer({ min: 0, max: 2 ** 31 - 2 }) }),
  fc.record({ kind: fc.constant('se' as const), value: fc.integer({ min: -(2 ** 30), max: 2 ** 30 }) }),
);

describe('bit reader and exp-Golomb', () => {
  it('reads se(v) code 0 as +0, not -0', () => {
    const w = new BitWriter();
    w.se(0);
    expect(Object.is(new BitReader(w.trailing().bytes()).se(), 0)).toBe(true);
  });

  it('reads back any sequence of u(n), ue(v) and se(v) written', () => {
    fc.assert(fc.property(fc.array(element, { maxLength: 40 }), (elements) => {
      const w = new BitWriter();
      for (const e of elements) {
        if (e.kind === 'u') w.u(e.bits, e.value);
        else if (e.kind === 'ue') w.ue(e.value);
        else w.se(e.value);
      }
      const r = new BitReader(w.trailing().bytes());
      for (const e of elements) expect(e.kind === 'u' ? r.u(e.bits) : e.kind === 'ue' ? r.ue() : r.se()).toBe(e.value);
      expect(r.u1()).toBe(1);
    }));
  });

  it('knows the standard codes and refuses to read past the end', () => {
    const r = new BitReader(Uint8Array.from([0b1010_0111, 0b0011_1000]));
    expect([r.ue(), r.ue(), r.ue(), r.ue(), r.se()]).toEqual([0, 1, 2, 0, -3]);
    expect(() => new BitReader(Uint8Array.from([0])).ue()).toThrow(RangeError);
  });
});

describe('emulation prevention', () => {
  it('round-trips any payload and leaves no start code prefix inside', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }).map((a) => a.map((b) => (b % 5 === 0 ? 0 : b))), (rbsp) => {
      const escaped = escapeRbsp(rbsp);
      expect([...unescapeRbsp(escaped)]).toEqual([...rbsp]);
      for (let i = 0; i + 2 < escaped.length; i += 1) {
        expect(escaped[i] === 0 && escaped[i + 1] === 0 && (escaped[i + 2] ?? 9) <= 2).toBe(false);
      }
    }));
  });

  it('removes the 0x03 after two zeros', () => {
    expect([...unescapeRbsp(Uint8Array.from([0, 0, 3, 1, 0, 0, 3, 0]))]).toEqual([0, 0, 1, 0, 0, 0]);
  });
});

function stream(tags: number): Uint8Array {
  const parts = [flvHeader({ audio: true, video: true })];
  for (let i = 0; i < tags; i += 1) parts.push(flvTag(i % 2 === 0 ? 9 : 8, i * 40 + (i === 3 ? 2 ** 24 : 0), Uint8Array.from({ length: i * 7 }, (_, k) => k)));
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

function feed(chunks: Uint8Array[]): FlvEvent[] {
  const d = new FlvDemuxer();
  return chunks.flatMap((c) => d.push(c));
}

describe('FLV demuxer', () => {
  it('gives the same header and tags however the bytes are split', () => {
    const bytes = stream(6);
    const whole = feed([bytes]);
    expect(whole.filter((e) => e.kind === 'tag')).toHaveLength(6);
    expect(whole[4]).toMatchObject({ kind: 'tag', tag: { type: 8, timestamp: 3 * 40 + 2 ** 24 } });
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 20 }), (cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
      const chunks = points.slice(1).map((end, i) => bytes.slice(points[i], end));
      expect(feed(chunks)).toEqual(whole);
    }));
  });

  it('refuses what is not FLV from its first bytes', () => {
    expect(() => feed([new TextEncoder().encode('<html>')])).toThrow(FlvFormatError);
    expect(() => feed([Uint8Array.from([0x46, 0x4c])])).not.toThrow();
  });
});

describe('SPS', () => {
  it('reads back the size, profile, level and frame rate written, cropping included', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 1960 }), fc.integer({ min: 1, max: 1960 }), fc.constantFrom(1, 10, 15, 24, 25, 29.97, 30, 60), fc.constantFrom(66 as const, 100 as const),
      (w2, h2, fps, profileIdc) => {
        const sps = parseSps(writeSps({ width: w2 * 2, height: h2 * 2, fps, profileIdc, levelIdc: 40 }));
        expect(sps).toMatchObject({ width: w2 * 2, height: h2 * 2, profileIdc, levelIdc: 40 });
        expect(sps.fps).toBeCloseTo(fps, 2);
      },
    ));
  });

  it('reads a real encoder SPS (x264 High, 1280x720 with VUI, 25 fps)', () => {
    const real = Uint8Array.from([0x67, 0x64, 0x00, 0x1f, 0xac, 0xd9, 0x40, 0x50, 0x05, 0xbb, 0x01, 0x10, 0x00, 0x00, 0x03, 0x00, 0x10, 0x00, 0x00, 0x03, 0x03, 0x20, 0xf1, 0x83, 0x19, 0x60]);
    expect(parseSps(real)).toMatchObject({ profileIdc: 100, levelIdc: 31, width: 1280, height: 720, fps: 25 });
  });

  it('survives the AVC configuration record', () => {
    const sps = writeSps({ width: 1920, height: 1080, fps: 25, profileIdc: 100, levelIdc: 40 });
    const pps = writePps();
    const config = parseAvcConfig(avcConfigBody(sps, pps).subarray(5));
    expect(config.nalLengthSize).toBe(4);
    expect(parseSps(config.sps[0] ?? new Uint8Array())).toMatchObject({ width: 1920, height: 1080 });
    expect([...(config.pps[0] ?? [])]).toEqual([...pps]);
  });
});

describe('SEI', () => {
  it('finds Volcengine JSON as type 5 with its UUID and as type 100, whatever bytes it holds', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), fc.constantFrom(5 as const, 100 as const), (text, type) => {
      const json = JSON.stringify({ canvas: { w: 1280, h: 720 }, app_data: `\u0000\u0000\u0001${text}\u0000\u0000\u0003` });
      const found = volcSeiText(parseSeiMessages(writeSei(volcSeiMessage(json, type))));
      expect(found).toEqual({ payloadType: type, text: json });
    }));
  });

  it('ignores type 5 messages with another UUID', () => {
    const other = { payloadType: 5, payload: Uint8Array.from([...new Uint8Array(16), 0x7b, 0x7d]) };
    expect(volcSeiText(parseSeiMessages(writeSei(other)))).toBeUndefined();
  });
});
