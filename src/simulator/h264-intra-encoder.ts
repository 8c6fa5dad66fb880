import { BitWriter } from '../shared/media/bit-writer.ts';
import { escapeRbsp } from '../shared/media/emulation-prevention.ts';
import { WRITTEN_LOG2_MAX_FRAME_NUM } from '../shared/media/h264-sps.ts';
import { lumaTokenTable, writeResidualBlock } from './h264-cavlc.ts';
import type { Yuv420 } from './output-picture.ts';

/**
 * A lossless H.264 intra encoder for flat pictures (Baseline tools only, CAVLC, one slice). A
 * macroblock whose luma and chroma are each one value is coded as Intra16x16 with DC prediction
 * and DC residual only; any other macroblock is I_PCM, its samples as they are. At QP 10 a DC
 * residual r is the level 8r (luma) and chroma DC levels are a Hadamard of the residuals, and both
 * reconstruct exactly, so the decoded picture equals the input sample for sample.
 */

/** The slice QP: the one where DC levels reconstruct exactly (see above). PPS pic_init_qp is 26. */
const SLICE_QP = 10;
const I_PCM = 25;
/** I_16x16 with DC prediction (mode 2), luma AC not coded; + 4 when chroma DC is coded. */
const I16X16_DC = 3;

export interface EncodeStats {
  pcm: number;
  flat: number;
}

interface Neighbours {
  /** Per macroblock, whether it was I_PCM: its blocks then count 16 coefficients for nC. */
  pcm: Uint8Array;
  mbWidth: number;
}

function isFlat(pic: Yuv420, mbx: number, mby: number): boolean {
  const flatPlane = (plane: Uint8Array, stride: number, size: number): boolean => {
    const first = plane[mby * size * stride + mbx * size];
    for (let y = 0; y < size; y += 1) {
      const row = (mby * size + y) * stride + mbx * size;
      for (let x = 0; x < size; x += 1) if (plane[row + x] !== first) return false;
    }
    return true;
  };
  return flatPlane(pic.y, pic.width, 16) && flatPlane(pic.u, pic.width / 2, 8) && flatPlane(pic.v, pic.width / 2, 8);
}

/** Sum of n samples from (x, y) going right (dx 1) or down (dy 1). */
function sumRun(plane: Uint8Array, stride: number, x: number, y: number, n: number, down: boolean): number {
  let s = 0;
  for (let i = 0; i < n; i += 1) s += plane[down ? (y + i) * stride + x : y * stride + x + i] ?? 0;
  return s;
}

/** Intra_16x16 DC prediction (8.3.3.3). */
function lumaDcPrediction(pic: Yuv420, mbx: number, mby: number): number {
  const top = mby > 0 ? sumRun(pic.y, pic.width, mbx * 16, mby * 16 - 1, 16, false) : undefined;
  const left = mbx > 0 ? sumRun(pic.y, pic.width, mbx * 16 - 1, mby * 16, 16, true) : undefined;
  if (top !== undefined && left !== undefined) return (top + left + 16) >> 5;
  if (top !== undefined) return (top + 8) >> 4;
  if (left !== undefined) return (left + 8) >> 4;
  return 128;
}

/** Intra chroma DC prediction of the 4×4 block at (bx, by) in 4-sample units (8.3.4.1–3). */
function chromaDcPrediction(plane: Uint8Array, stride: number, mbx: number, mby: number, bx: number, by: number): number {
  const x0 = mbx * 8 + bx * 4;
  const y0 = mby * 8 + by * 4;
  const top = mby > 0 ? sumRun(plane, stride, x0, mby * 8 - 1, 4, false) : undefined;
  const left = mbx > 0 ? sumRun(plane, stride, mbx * 8 - 1, y0, 4, true) : undefined;
  const both = top !== undefined && left !== undefined ? (top + left + 4) >> 3 : undefined;
  const fromTop = top !== undefined ? (top + 2) >> 2 : undefined;
  const fromLeft = left !== undefined ? (left + 2) >> 2 : undefined;
  if (bx === by) return both ?? fromLeft ?? fromTop ?? 128;
  if (by === 0) return fromTop ?? fromLeft ?? 128;
  return fromLeft ?? fromTop ?? 128;
}

/** The chroma DC levels of one plane: c = H·r·H over the 2×2 residuals, which QP 10 scales back to r exactly. */
function chromaDcLevels(plane: Uint8Array, stride: number, mbx: number, mby: number): number[] {
  const target = plane[mby * 8 * stride + mbx * 8] ?? 0;
  const r = [0, 1, 2, 3].map((k) => target - chromaDcPrediction(plane, stride, mbx, mby, k & 1, k >> 1));
  const [r00 = 0, r01 = 0, r10 = 0, r11 = 0] = r;
  return [r00 + r01 + r10 + r11, r00 - r01 + r10 - r11, r00 + r01 - r10 - r11, r00 - r01 - r10 + r11];
}

function writeFlatMacroblock(w: BitWriter, pic: Yuv420, mbx: number, mby: number, nb: Neighbours): void {
  const luma = (pic.y[mby * 16 * pic.width + mbx * 16] ?? 0) - lumaDcPrediction(pic, mbx, mby);
  const cb = chromaDcLevels(pic.u, pic.width / 2, mbx, mby);
  const cr = chromaDcLevels(pic.v, pic.width / 2, mbx, mby);
  const chromaCoded = [...cb, ...cr].some((c) => c !== 0);
  w.ue(I16X16_DC + (chromaCoded ? 4 : 0)).ue(0).se(0); // mb_type, intra_chroma_pred_mode DC, mb_qp_delta
  const nA = mbx > 0 ? (nb.pcm[mby * nb.mbWidth + mbx - 1] ? 16 : 0) : undefined;
  const nB = mby > 0 ? (nb.pcm[(mby - 1) * nb.mbWidth + mbx] ? 16 : 0) : undefined;
  const nC = nA !== undefined && nB !== undefined ? (nA + nB + 1) >> 1 : nA ?? nB ?? 0;
  const dc = new Array<number>(16).fill(0);
  dc[0] = 8 * luma;
  writeResidualBlock(w, dc, lumaTokenTable(nC));
  if (chromaCoded) {
    writeResidualBlock(w, cb, 'chroma-dc');
    writeResidualBlock(w, cr, 'chroma-dc');
  }
}

function writePcmMacroblock(w: BitWriter, pic: Yuv420, mbx: number, mby: number): void {
  w.ue(I_PCM);
  while (!w.aligned) w.u1(0);
  for (let y = 0; y < 16; y += 1) w.raw(pic.y.subarray((mby * 16 + y) * pic.width + mbx * 16, (mby * 16 + y) * pic.width + mbx * 16 + 16));
  for (const plane of [pic.u, pic.v]) {
    const stride = pic.width / 2;
    for (let y = 0; y < 8; y += 1) w.raw(plane.subarray((mby * 8 + y) * stride + mbx * 8, (mby * 8 + y) * stride + mbx * 8 + 8));
  }
}

/**
 * The IDR picture as one NAL unit (type 5, escaped), matching writeSps/writePps: frame_num 0,
 * picture order type 2, deblocking off so the reconstruction stays exact.
 */
export function encodeIdr(pic: Yuv420, idrPicId: number, opts: { pcmOnly?: boolean } = {}): { nal: Uint8Array; stats: EncodeStats } {
  const w = new BitWriter().ue(0).ue(7).ue(0).u(WRITTEN_LOG2_MAX_FRAME_NUM, 0).ue(idrPicId % 65536);
  w.u1(0).u1(0).se(SLICE_QP - 26).ue(1);
  const mbWidth = pic.width / 16;
  const mbHeight = pic.height / 16;
  const nb: Neighbours = { pcm: new Uint8Array(mbWidth * mbHeight), mbWidth };
  const stats: EncodeStats = { pcm: 0, flat: 0 };
  for (let mby = 0; mby < mbHeight; mby += 1) {
    for (let mbx = 0; mbx < mbWidth; mbx += 1) {
      if (!opts.pcmOnly && isFlat(pic, mbx, mby)) {
        writeFlatMacroblock(w, pic, mbx, mby, nb);
        stats.flat += 1;
      } else {
        writePcmMacroblock(w, pic, mbx, mby);
        nb.pcm[mby * mbWidth + mbx] = 1;
        stats.pcm += 1;
      }
    }
  }
  w.trailing();
  return { nal: Uint8Array.from([0x65, ...escapeRbsp(w.bytes())]), stats };
}
