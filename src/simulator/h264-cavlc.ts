import type { BitWriter } from '../shared/media/bit-writer.ts';

/**
 * CAVLC residual_block coding (ITU-T H.264 9.2) for the blocks the simulator's encoder writes:
 * chroma DC blocks with any coefficients, and Intra16x16 luma DC blocks with at most one.
 * Tables hold [length, code] per TotalCoeff*4 + TrailingOnes; a missing entry throws.
 */

type Vlc = readonly (readonly [number, number])[];

/** coeff_token for chroma DC (nC = -1), Table 9-5 last column. */
const CHROMA_DC_TOKEN: Vlc = [
  [2, 1], [0, 0], [0, 0], [0, 0],
  [6, 7], [1, 1], [0, 0], [0, 0],
  [6, 4], [6, 6], [3, 1], [0, 0],
  [6, 3], [7, 3], [7, 2], [6, 5],
  [6, 2], [8, 3], [8, 2], [7, 0],
];

/** coeff_token for TotalCoeff 0 and 1 in the four nC ranges (0–1, 2–3, 4–7, 8+), Table 9-5. */
const LUMA_TOKEN: readonly Vlc[] = [
  [[1, 1], [0, 0], [0, 0], [0, 0], [6, 5], [2, 1], [0, 0], [0, 0]],
  [[2, 3], [0, 0], [0, 0], [0, 0], [6, 11], [2, 2], [0, 0], [0, 0]],
  [[4, 15], [0, 0], [0, 0], [0, 0], [6, 15], [4, 14], [0, 0], [0, 0]],
  [[6, 3], [0, 0], [0, 0], [0, 0], [6, 0], [6, 1], [0, 0], [0, 0]],
];

/** total_zeros for chroma DC by TotalCoeff 1–3 (Table 9-9a), and for 4×4 blocks with TotalCoeff 1 (Table 9-7). */
const CHROMA_DC_TOTAL_ZEROS: readonly Vlc[] = [
  [[1, 1], [2, 1], [3, 1], [3, 0]],
  [[1, 1], [2, 1], [2, 0]],
  [[1, 1], [1, 0]],
];
const LUMA_TOTAL_ZEROS: readonly Vlc[] = [
  [[1, 1], [3, 3], [3, 2], [4, 3], [4, 2], [5, 3], [5, 2], [6, 3], [6, 2], [7, 3], [7, 2], [8, 3], [8, 2], [9, 3], [9, 2], [9, 1]],
];

/** run_before by zerosLeft 1–6 (Table 9-10); more zeros than that never arise in the blocks written here. */
const RUN_BEFORE: readonly Vlc[] = [
  [[1, 1], [1, 0]],
  [[1, 1], [2, 1], [2, 0]],
  [[2, 3], [2, 2], [2, 1], [2, 0]],
  [[2, 3], [2, 2], [2, 1], [3, 1], [3, 0]],
  [[2, 3], [2, 2], [3, 3], [3, 2], [3, 1], [3, 0]],
  [[2, 3], [3, 0], [3, 1], [3, 3], [3, 2], [3, 5], [3, 4]],
];

function put(w: BitWriter, table: Vlc | undefined, index: number, what: string): void {
  const entry = table?.[index];
  if (!entry || entry[0] === 0) throw new Error(`no CAVLC code for ${what} ${index}`);
  w.u(entry[0], entry[1]);
}

/** Table index for nC (9.2.1): 0–1, 2–3, 4–7, 8 and more. */
export function lumaTokenTable(nC: number): number {
  return nC < 2 ? 0 : nC < 4 ? 1 : nC < 8 ? 2 : 3;
}

/** level_prefix and level_suffix of one level (9.2.2.1), returning the next suffixLength. */
function writeLevel(w: BitWriter, level: number, suffixLength: number, firstAfterOnes: boolean): number {
  let code = level > 0 ? 2 * level - 2 : -2 * level - 1;
  if (firstAfterOnes) code -= 2;
  if (suffixLength === 0 && code < 14) w.u(code + 1, 1);
  else if (suffixLength === 0 && code < 30) w.u(15, 1).u(4, code - 14);
  else if (suffixLength > 0 && code < 15 << suffixLength) w.u((code >> suffixLength) + 1, 1).u(suffixLength, code & ((1 << suffixLength) - 1));
  else {
    const suffix = code - (suffixLength === 0 ? 30 : 15 << suffixLength);
    if (suffix >= 4096) throw new Error(`level ${level} needs an escape longer than Baseline allows`);
    w.u(16, 1).u(12, suffix);
  }
  let next = suffixLength === 0 ? 1 : suffixLength;
  if (Math.abs(level) > 3 << (next - 1) && next < 6) next += 1;
  return next;
}

/**
 * One residual_block_cavlc: coefficients in scan order. `token` is 'chroma-dc' or the luma table
 * index from lumaTokenTable.
 */
export function writeResidualBlock(w: BitWriter, coeffs: readonly number[], token: 'chroma-dc' | number): void {
  const chroma = token === 'chroma-dc';
  const positions: number[] = [];
  coeffs.forEach((c, i) => { if (c !== 0) positions.unshift(i); });
  const levels = positions.map((i) => coeffs[i] ?? 0);
  const total = levels.length;
  let ones = 0;
  while (ones < Math.min(3, total) && Math.abs(levels[ones] ?? 0) === 1) ones += 1;
  put(w, chroma ? CHROMA_DC_TOKEN : LUMA_TOKEN[token], total * 4 + ones, 'coeff_token');
  if (total === 0) return;
  for (let i = 0; i < ones; i += 1) w.u1((levels[i] ?? 0) < 0 ? 1 : 0);
  let suffixLength = total > 10 && ones < 3 ? 1 : 0;
  for (let i = ones; i < total; i += 1) suffixLength = writeLevel(w, levels[i] ?? 0, suffixLength, i === ones && ones < 3);
  const highest = positions[0] ?? 0;
  let zerosLeft = highest + 1 - total;
  if (total < coeffs.length) put(w, (chroma ? CHROMA_DC_TOTAL_ZEROS : LUMA_TOTAL_ZEROS)[total - 1], zerosLeft, 'total_zeros');
  for (let i = 0; i < total - 1 && zerosLeft > 0; i += 1) {
    const run = (positions[i] ?? 0) - (positions[i + 1] ?? 0) - 1;
    put(w, RUN_BEFORE[Math.min(zerosLeft, 7) - 1], run, 'run_before');
    zerosLeft -= run;
  }
}
