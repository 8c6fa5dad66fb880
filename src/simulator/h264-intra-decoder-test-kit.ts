import { BitReader } from '../shared/media/bit-reader.ts';
import { unescapeRbsp } from '../shared/media/emulation-prevention.ts';
import type { Yuv420 } from './output-picture.ts';

/**
 * A decoder, for tests, of the intra slices the simulator writes: I_PCM and Intra16x16 with DC
 * prediction and DC residuals only, CAVLC, one slice, QP below 30. Written from the standard
 * (ITU-T H.264 7.3.5, 8.3.3, 8.3.4, 8.5.10–8.5.12, 9.2) with its own code tables as the standard
 * prints them, so a slip in the encoder's tables or arithmetic shows up as a different picture.
 * Anything outside that subset throws.
 */

/** Table 9-5 codes by "TrailingOnes,TotalCoeff", only TotalCoeff 0 and 1 for the luma columns. */
const LUMA_TOKENS: readonly Record<string, string>[] = [
  { '1': '0,0', '000101': '0,1', '01': '1,1' },
  { '11': '0,0', '001011': '0,1', '10': '1,1' },
  { '1111': '0,0', '001111': '0,1', '1110': '1,1' },
  { '000011': '0,0', '000000': '0,1', '000001': '1,1' },
];
const CHROMA_DC_TOKENS: Record<string, string> = {
  '01': '0,0', '000111': '0,1', '1': '1,1', '000100': '0,2', '000110': '1,2', '001': '2,2', '000011': '0,3', '0000011': '1,3',
  '0000010': '2,3', '000101': '3,3', '000010': '0,4', '00000011': '1,4', '00000010': '2,4', '0000000': '3,4',
};
/** Table 9-9a (chroma DC) by TotalCoeff, and Table 9-7 for TotalCoeff 1. */
const CHROMA_DC_TOTAL_ZEROS: readonly Record<string, number>[] = [{ '1': 0, '01': 1, '001': 2, '000': 3 }, { '1': 0, '01': 1, '00': 2 }, { '1': 0, '0': 1 }];
const LUMA_TOTAL_ZEROS_1: Record<string, number> = {
  '1': 0, '011': 1, '010': 2, '0011': 3, '0010': 4, '00011': 5, '00010': 6, '000011': 7, '000010': 8, '0000011': 9, '0000010': 10,
  '00000011': 11, '00000010': 12, '000000011': 13, '000000010': 14, '000000001': 15,
};
/** Table 9-10 for zerosLeft 1 to 3. */
const RUN_BEFORE: readonly Record<string, number>[] = [{ '1': 0, '0': 1 }, { '1': 0, '01': 1, '00': 2 }, { '11': 0, '10': 1, '01': 2, '00': 3 }];

const ZIGZAG_4X4 = [0, 1, 4, 8, 5, 2, 3, 6, 9, 12, 13, 10, 7, 11, 14, 15];
const NORM_ADJUST_DC = [10, 11, 13, 14, 16, 18];

function readCode<T>(r: BitReader, table: Record<string, T> | undefined, what: string): T {
  let bits = '';
  while (bits.length < 16) {
    bits += String(r.u1());
    const hit = table?.[bits];
    if (hit !== undefined) return hit;
  }
  throw new Error(`no ${what} code starts ${bits}`);
}

/** residual_block_cavlc (7.3.5.3.2 and 9.2): the coefficients in scan order. */
export function readResidual(r: BitReader, maxNumCoeff: number, nC: number): number[] {
  const token = readCode(r, nC === -1 ? CHROMA_DC_TOKENS : LUMA_TOKENS[nC < 2 ? 0 : nC < 4 ? 1 : nC < 8 ? 2 : 3], 'coeff_token');
  const [ones = 0, total = 0] = token.split(',').map(Number);
  const coeffs = new Array<number>(maxNumCoeff).fill(0);
  if (total === 0) return coeffs;
  const levels: number[] = [];
  let suffixLength = total > 10 && ones < 3 ? 1 : 0;
  for (let i = 0; i < total; i += 1) {
    if (i < ones) {
      levels.push(r.u1() === 1 ? -1 : 1);
      continue;
    }
    let prefix = 0;
    while (r.u1() === 0) prefix += 1;
    if (prefix > 15) throw new Error('level_prefix above 15');
    const suffixSize = prefix === 14 && suffixLength === 0 ? 4 : prefix >= 15 ? prefix - 3 : suffixLength;
    let code = (Math.min(15, prefix) << suffixLength) + (suffixSize > 0 ? r.u(suffixSize) : 0);
    if (prefix >= 15 && suffixLength === 0) code += 15;
    if (i === ones && ones < 3) code += 2;
    const level = code % 2 === 0 ? (code + 2) >> 1 : (-code - 1) >> 1;
    levels.push(level);
    if (suffixLength === 0) suffixLength = 1;
    if (Math.abs(level) > 3 << (suffixLength - 1) && suffixLength < 6) suffixLength += 1;
  }
  let zerosLeft = total < maxNumCoeff
    ? readCode(r, maxNumCoeff === 4 ? CHROMA_DC_TOTAL_ZEROS[total - 1] : total === 1 ? LUMA_TOTAL_ZEROS_1 : undefined, 'total_zeros')
    : 0;
  let position = total - 1 + zerosLeft;
  levels.forEach((level, i) => {
    coeffs[position] = level;
    const run = i < total - 1 && zerosLeft > 0 ? readCode(r, RUN_BEFORE[zerosLeft - 1], 'run_before') : 0;
    zerosLeft -= run;
    position -= 1 + run;
  });
  return coeffs;
}

const clip = (v: number) => Math.min(255, Math.max(0, v));

function sum(plane: Uint8Array, at: (i: number) => number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i += 1) s += plane[at(i)] ?? 0;
  return s;
}

/** Decodes one IDR slice NAL unit (with its header byte) of a width×height picture in whole macroblocks. */
export function decodeIntraSlice(nal: Uint8Array, width: number, height: number): Yuv420 {
  if (((nal[0] ?? 0) & 0x1f) !== 5) throw new Error('not an IDR slice');
  const r = new BitReader(unescapeRbsp(nal.subarray(1)));
  const [firstMb, sliceType, ppsId] = [r.ue(), r.ue(), r.ue()];
  if (firstMb !== 0 || sliceType !== 7 || ppsId !== 0) throw new Error('not a whole-picture I slice');
  r.u(8); // frame_num
  r.ue(); // idr_pic_id
  r.u(2); // no_output_of_prior_pics_flag, long_term_reference_flag
  let qp = 26 + r.se();
  if (r.ue() !== 1) throw new Error('deblocking is on');
  const pic: Yuv420 = { width, height, shownWidth: width, shownHeight: height, y: new Uint8Array(width * height), u: new Uint8Array(width * height / 4), v: new Uint8Array(width * height / 4) };
  const cw = width / 2;
  const mbw = width / 16;
  const pcm = new Uint8Array(mbw * (height / 16));
  for (let mby = 0; mby < height / 16; mby += 1) {
    for (let mbx = 0; mbx < mbw; mbx += 1) {
      const mbType = r.ue();
      if (mbType === 25) {
        while (r.bitsLeft % 8 !== 0) r.u1();
        for (let y = 0; y < 16; y += 1) for (let x = 0; x < 16; x += 1) pic.y[(mby * 16 + y) * width + mbx * 16 + x] = r.u(8);
        for (const plane of [pic.u, pic.v]) for (let y = 0; y < 8; y += 1) for (let x = 0; x < 8; x += 1) plane[(mby * 8 + y) * cw + mbx * 8 + x] = r.u(8);
        pcm[mby * mbw + mbx] = 1;
        continue;
      }
      if (mbType < 1 || mbType > 12 || (mbType - 1) % 4 !== 2) throw new Error(`mb_type ${mbType} is outside the subset`);
      const chromaCbp = Math.floor((mbType - 1) / 4);
      if (r.ue() !== 0) throw new Error('chroma prediction is not DC');
      qp += r.se();
      const nA = mbx > 0 ? (pcm[mby * mbw + mbx - 1] ? 16 : 0) : undefined;
      const nB = mby > 0 ? (pcm[(mby - 1) * mbw + mbx] ? 16 : 0) : undefined;
      const nC = nA !== undefined && nB !== undefined ? (nA + nB + 1) >> 1 : nA ?? nB ?? 0;
      const scanned = readResidual(r, 16, nC);
      const c = new Array<number>(16).fill(0);
      ZIGZAG_4X4.forEach((raster, i) => { c[raster] = scanned[i] ?? 0; });
      const chromaDc = chromaCbp > 0 ? [readResidual(r, 4, -1), readResidual(r, 4, -1)] : [[0, 0, 0, 0], [0, 0, 0, 0]];
      if (chromaCbp > 1) throw new Error('chroma AC is outside the subset');

      // Luma: f = H·c·H, scaled (8.5.10), each 4x4 block's DC through the inverse transform (8.5.12).
      const h = [[1, 1, 1, 1], [1, 1, -1, -1], [1, -1, -1, 1], [1, -1, 1, -1]];
      const ls = 16 * (NORM_ADJUST_DC[qp % 6] ?? 0);
      const q6 = Math.floor(qp / 6);
      const top = mby > 0 ? sum(pic.y, (i) => (mby * 16 - 1) * width + mbx * 16 + i, 16) : undefined;
      const left = mbx > 0 ? sum(pic.y, (i) => (mby * 16 + i) * width + mbx * 16 - 1, 16) : undefined;
      const pred = top !== undefined && left !== undefined ? (top + left + 16) >> 5 : top !== undefined ? (top + 8) >> 4 : left !== undefined ? (left + 8) >> 4 : 128;
      for (let bi = 0; bi < 4; bi += 1) {
        for (let bj = 0; bj < 4; bj += 1) {
          let f = 0;
          for (let k = 0; k < 4; k += 1) for (let l = 0; l < 4; l += 1) f += (h[bi]?.[k] ?? 0) * (c[k * 4 + l] ?? 0) * (h[l]?.[bj] ?? 0);
          const dc = qp >= 36 ? (f * ls) << (q6 - 6) : (f * ls + 2 ** (5 - q6)) >> (6 - q6);
          const residual = (dc + 32) >> 6;
          for (let y = 0; y < 4; y += 1) for (let x = 0; x < 4; x += 1) pic.y[(mby * 16 + bi * 4 + y) * width + mbx * 16 + bj * 4 + x] = clip(pred + residual);
        }
      }
      // Chroma: f = H·c·H over 2x2 (8.5.11), DC prediction per 4x4 block (8.3.4.1-3).
      if (qp >= 30) throw new Error('chroma QP mapping above 29 is outside the subset');
      const lsC = 16 * (NORM_ADJUST_DC[qp % 6] ?? 0);
      [pic.u, pic.v].forEach((plane, p) => {
        const [c0 = 0, c1 = 0, c2 = 0, c3 = 0] = chromaDc[p] ?? [];
        const f = [c0 + c1 + c2 + c3, c0 - c1 + c2 - c3, c0 + c1 - c2 - c3, c0 - c1 - c2 + c3];
        for (let b = 0; b < 4; b += 1) {
          const bx = b & 1;
          const by = b >> 1;
          const x0 = mbx * 8 + bx * 4;
          const y0 = mby * 8 + by * 4;
          const t = mby > 0 ? sum(plane, (i) => (mby * 8 - 1) * cw + x0 + i, 4) : undefined;
          const l = mbx > 0 ? sum(plane, (i) => (y0 + i) * cw + mbx * 8 - 1, 4) : undefined;
          const both = t !== undefined && l !== undefined ? (t + l + 4) >> 3 : undefined;
          const fromT = t !== undefined ? (t + 2) >> 2 : undefined;
          const fromL = l !== undefined ? (l + 2) >> 2 : undefined;
          const p4 = bx === by ? both ?? fromL ?? fromT ?? 128 : by === 0 ? fromT ?? fromL ?? 128 : fromL ?? fromT ?? 128;
          const dc = ((f[b] ?? 0) * lsC << q6) >> 5;
          const residual = (dc + 32) >> 6;
          for (let y = 0; y < 4; y += 1) for (let x = 0; x < 4; x += 1) plane[(y0 + y) * cw + x0 + x] = clip(p4 + residual);
        }
      });
    }
  }
  if (r.u1() !== 1) throw new Error('no stop bit after the last macroblock');
  while (r.bitsLeft > 0) if (r.u1() !== 0) throw new Error('data after the stop bit');
  return pic;
}
