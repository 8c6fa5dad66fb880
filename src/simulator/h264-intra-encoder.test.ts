import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BitReader } from '../shared/media/bit-reader.ts';
import { unescapeRbsp } from '../shared/media/emulation-prevention.ts';
import { encodeIdr } from './h264-intra-encoder.ts';
import { renderScene, type OutputScene, type Yuv420 } from './output-picture.ts';

/** Reads an I_PCM-only IDR slice back into planes: the slice header, then per macroblock mb_type 25, alignment and samples. */
function readPcmSlice(nal: Uint8Array, width: number, height: number): { header: number[]; pic: Yuv420 } {
  expect(nal[0]).toBe(0x65);
  const rbsp = unescapeRbsp(nal.subarray(1));
  const r = new BitReader(rbsp);
  const header = [r.ue(), r.ue(), r.ue(), r.u(8), r.ue(), r.u1(), r.u1(), r.se(), r.ue()];
  const pic: Yuv420 = { width, height, shownWidth: width, shownHeight: height, y: new Uint8Array(width * height), u: new Uint8Array(width * height / 4), v: new Uint8Array(width * height / 4) };
  for (let mby = 0; mby < height / 16; mby += 1) {
    for (let mbx = 0; mbx < width / 16; mbx += 1) {
      expect(r.ue()).toBe(25);
      while (r.bitsLeft % 8 !== 0) expect(r.u1()).toBe(0);
      for (let y = 0; y < 16; y += 1) for (let x = 0; x < 16; x += 1) pic.y[(mby * 16 + y) * width + mbx * 16 + x] = r.u(8);
      for (const plane of [pic.u, pic.v]) {
        for (let y = 0; y < 8; y += 1) for (let x = 0; x < 8; x += 1) plane[(mby * 8 + y) * width / 2 + mbx * 8 + x] = r.u(8);
      }
    }
  }
  // rbsp_slice_trailing_bits: the stop bit, nothing after it.
  expect(r.u(8)).toBe(0x80);
  expect(r.bitsLeft).toBe(0);
  return { header, pic };
}

const region = fc.record({
  label: fc.string({ minLength: 1, maxLength: 12 }),
  x: fc.integer({ min: -20, max: 100 }), y: fc.integer({ min: -20, max: 60 }),
  w: fc.integer({ min: 0, max: 120 }), h: fc.integer({ min: 0, max: 80 }),
  zorder: fc.integer({ min: 0, max: 3 }), alpha: fc.double({ min: 0, max: 1, noNaN: true }),
});
const scene: fc.Arbitrary<OutputScene> = fc.record({
  background: fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`),
  regions: fc.array(region, { maxLength: 4 }),
});
const size = fc.record({ width: fc.integer({ min: 1, max: 40 }).map((n) => n * 2), height: fc.integer({ min: 1, max: 30 }).map((n) => n * 2) });

describe('the intra encoder', () => {
  it('carries every sample of an I_PCM picture through unchanged, whatever the picture', () => {
    fc.assert(fc.property(scene, size, fc.integer({ min: 0, max: 1 }), (s, { width, height }, idrPicId) => {
      const pic = renderScene(s, width, height);
      const { header, pic: back } = readPcmSlice(encodeIdr(pic, idrPicId, { pcmOnly: true }).nal, pic.width, pic.height);
      // first_mb 0, slice_type 7 (I, all), pps 0, frame_num 0, idr_pic_id, marking flags, QP delta, deblocking off
      expect(header.slice(0, 7)).toEqual([0, 7, 0, 0, idrPicId, 0, 0]);
      expect(header[8]).toBe(1);
      expect(back.y).toEqual(pic.y);
      expect(back.u).toEqual(pic.u);
      expect(back.v).toEqual(pic.v);
    }), { numRuns: 40 });
  });

  it('codes a flat macroblock as Intra16x16 and keeps I_PCM for the ones with detail', () => {
    const flat = renderScene({ background: '#336699', regions: [] }, 64, 48);
    expect(encodeIdr(flat, 0).stats).toEqual({ pcm: 0, flat: 12 });
    // The region's left edge at x = 20 runs through the second macroblock column; the rest is flat.
    const edged = renderScene({ background: '#336699', regions: [{ label: '', x: 20, y: 0, w: 44, h: 48, zorder: 0, alpha: 1 }] }, 64, 48);
    expect(encodeIdr(edged, 0).stats).toEqual({ pcm: 3, flat: 9 });
  });

  it('writes far fewer bytes for flat macroblocks than for raw samples', () => {
    const flat = renderScene({ background: '#336699', regions: [{ label: '', x: 16, y: 16, w: 32, h: 16, zorder: 0, alpha: 0.5 }] }, 64, 48);
    const coded = encodeIdr(flat, 0).nal.length;
    const raw = encodeIdr(flat, 0, { pcmOnly: true }).nal.length;
    expect(raw).toBeGreaterThan(12 * 384);
    expect(coded).toBeLessThan(raw / 10);
  });
});
