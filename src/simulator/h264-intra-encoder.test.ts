import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BitReader } from '../shared/media/bit-reader.ts';
import { unescapeRbsp } from '../shared/media/emulation-prevention.ts';
import { BitWriter } from '../shared/media/bit-writer.ts';
import { writeResidualBlock } from './h264-cavlc.ts';
import { decodeIntraSlice, readResidual } from './h264-intra-decoder-test-kit.ts';
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

  it('decodes, by the rules of the standard, to exactly the picture it was given', () => {
    let flat = 0;
    fc.assert(fc.property(scene, size, (s, { width, height }) => {
      const pic = renderScene(s, width, height);
      const { nal, stats } = encodeIdr(pic, 0);
      flat += stats.flat;
      const back = decodeIntraSlice(nal, pic.width, pic.height);
      expect(back.y).toEqual(pic.y);
      expect(back.u).toEqual(pic.u);
      expect(back.v).toEqual(pic.v);
    }), { numRuns: 60 });
    // The run must have exercised the Intra16x16 path, not only I_PCM.
    expect(flat).toBeGreaterThan(100);
  });

  it('predicts chroma per 4x4 block from the right neighbours: top and left edges of different colours', () => {
    // Regions on macroblock boundaries: the middle macroblock has one colour above and another to its left.
    const pic = renderScene({
      background: '#204060',
      regions: [{ label: '', x: 0, y: 0, w: 48, h: 16, zorder: 0, alpha: 1 }, { label: '', x: 0, y: 16, w: 16, h: 32, zorder: 0, alpha: 1 }, { label: '', x: 16, y: 16, w: 32, h: 16, zorder: 1, alpha: 0.5 }],
    }, 48, 48);
    const { nal, stats } = encodeIdr(pic, 0);
    expect(stats.pcm).toBe(0);
    const back = decodeIntraSlice(nal, 48, 48);
    expect(back.u).toEqual(pic.u);
    expect(back.v).toEqual(pic.v);
  });

  it('reconstructs the extremes: black beside white and back, which need the largest DC levels', () => {
    // Macroblocks alternate between 0 and 255 in every plane, so each residual is ±255 or close.
    const pic = renderScene({ background: '#000000', regions: [] }, 64, 48);
    for (let i = 0; i < pic.y.length; i += 1) pic.y[i] = ((i % 64 >> 4) + (Math.floor(i / 64) >> 4)) % 2 === 0 ? 0 : 255;
    for (let i = 0; i < pic.u.length; i += 1) pic.u[i] = ((i % 32 >> 3) + (Math.floor(i / 32) >> 3)) % 2 === 0 ? 255 : 0;
    expect(encodeIdr(pic, 0).stats.pcm).toBe(0);
    const back = decodeIntraSlice(encodeIdr(pic, 0).nal, 64, 48);
    expect(back.y).toEqual(pic.y);
    expect(back.u).toEqual(pic.u);
    expect(back.v).toEqual(pic.v);
  });

  it('writes residual blocks the standard reads back: any chroma DC block, and luma DC blocks with one coefficient', () => {
    // Up to ±2040: a luma DC level is 8 × a residual of at most 255.
    const level = fc.integer({ min: -2040, max: 2040 });
    const small = fc.integer({ min: -2, max: 2 });
    const chroma = fc.array(fc.oneof(small, level), { minLength: 4, maxLength: 4 });
    const luma = fc.tuple(fc.oneof(small, level), fc.integer({ min: 0, max: 15 })).map(([v, at]) => Array.from({ length: 16 }, (_, i) => (i === at ? v : 0)));
    fc.assert(fc.property(chroma, (coeffs) => {
      const w = new BitWriter();
      writeResidualBlock(w, coeffs, 'chroma-dc');
      const back = readResidual(new BitReader(w.trailing().bytes()), 4, -1);
      expect(back).toEqual(coeffs.map((c) => c + 0));
    }), { numRuns: 500 });
    fc.assert(fc.property(luma, fc.constantFrom(0, 1, 2, 3, 4, 7, 8, 16), (coeffs, nC) => {
      const w = new BitWriter();
      writeResidualBlock(w, coeffs, nC < 2 ? 0 : nC < 4 ? 1 : nC < 8 ? 2 : 3);
      expect(readResidual(new BitReader(w.trailing().bytes()), 16, nC)).toEqual(coeffs);
    }), { numRuns: 300 });
    expect(() => writeResidualBlock(new BitWriter(), [0, 0, 2065, 0], 'chroma-dc')).toThrow(/escape longer than Baseline allows/);
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
