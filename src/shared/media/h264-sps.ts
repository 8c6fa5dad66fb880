import { BitReader } from './bit-reader.ts';
import { BitWriter } from './bit-writer.ts';
import { escapeRbsp, unescapeRbsp } from './emulation-prevention.ts';

/** What a sequence parameter set says about the picture (ITU-T H.264 7.3.2.1.1 and Annex E). */
export interface SpsInfo {
  profileIdc: number;
  constraintFlags: number;
  levelIdc: number;
  chromaFormatIdc: number;
  /** Displayed size: coded macroblocks minus the cropping window. */
  width: number;
  height: number;
  /** From VUI timing_info when present: time_scale / (2 × num_units_in_tick). */
  fps: number | undefined;
  log2MaxFrameNum: number;
  picOrderCntType: number;
  log2MaxPocLsb: number;
}

const HIGH_PROFILES = new Set([100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135]);

export const PROFILE_NAMES: Readonly<Record<number, string>> = {
  66: 'Baseline', 77: 'Main', 88: 'Extended', 100: 'High', 110: 'High 10', 122: 'High 4:2:2', 244: 'High 4:4:4 Predictive', 44: 'CAVLC 4:4:4',
};

function skipScalingList(r: BitReader, size: number): void {
  let last = 8;
  let next = 8;
  for (let j = 0; j < size; j += 1) {
    if (next !== 0) next = (last + r.se() + 256) % 256;
    last = next === 0 ? last : next;
  }
}

/** Parses an SPS NAL unit (with its one-byte header, emulation prevention still in). */
export function parseSps(nal: Uint8Array): SpsInfo {
  if (((nal[0] ?? 0) & 0x1f) !== 7) throw new Error('not an SPS NAL unit');
  const r = new BitReader(unescapeRbsp(nal.subarray(1)));
  const profileIdc = r.u(8);
  const constraintFlags = r.u(8);
  const levelIdc = r.u(8);
  r.ue(); // seq_parameter_set_id
  let chromaFormatIdc = 1;
  let separateColourPlane = 0;
  if (HIGH_PROFILES.has(profileIdc)) {
    chromaFormatIdc = r.ue();
    if (chromaFormatIdc === 3) separateColourPlane = r.u1();
    r.ue(); // bit_depth_luma_minus8
    r.ue(); // bit_depth_chroma_minus8
    r.u1(); // qpprime_y_zero_transform_bypass_flag
    if (r.u1() === 1) {
      for (let i = 0; i < (chromaFormatIdc === 3 ? 12 : 8); i += 1) {
        if (r.u1() === 1) skipScalingList(r, i < 6 ? 16 : 64);
      }
    }
  }
  const log2MaxFrameNum = r.ue() + 4;
  const picOrderCntType = r.ue();
  let log2MaxPocLsb = 0;
  if (picOrderCntType === 0) log2MaxPocLsb = r.ue() + 4;
  else if (picOrderCntType === 1) {
    r.u1();
    r.se();
    r.se();
    const cycle = r.ue();
    for (let i = 0; i < cycle; i += 1) r.se();
  }
  r.ue(); // max_num_ref_frames
  r.u1(); // gaps_in_frame_num_value_allowed_flag
  const widthMbs = r.ue() + 1;
  const heightMapUnits = r.ue() + 1;
  const frameMbsOnly = r.u1();
  if (frameMbsOnly === 0) r.u1(); // mb_adaptive_frame_field_flag
  r.u1(); // direct_8x8_inference_flag
  let crop = { left: 0, right: 0, top: 0, bottom: 0 };
  if (r.u1() === 1) crop = { left: r.ue(), right: r.ue(), top: r.ue(), bottom: r.ue() };
  const arrayType = separateColourPlane === 1 ? 0 : chromaFormatIdc;
  const cropUnitX = arrayType === 0 ? 1 : chromaFormatIdc === 3 ? 1 : 2;
  const cropUnitY = (arrayType === 0 ? 1 : chromaFormatIdc === 1 ? 2 : 1) * (2 - frameMbsOnly);
  const width = widthMbs * 16 - cropUnitX * (crop.left + crop.right);
  const height = (2 - frameMbsOnly) * heightMapUnits * 16 - cropUnitY * (crop.top + crop.bottom);
  const fps = r.bitsLeft > 0 && r.u1() === 1 ? readVuiFps(r) : undefined;
  return { profileIdc, constraintFlags, levelIdc, chromaFormatIdc, width, height, fps, log2MaxFrameNum, picOrderCntType, log2MaxPocLsb };
}

/** Walks the VUI up to timing_info (Annex E.1.1); what follows it is not needed. */
function readVuiFps(r: BitReader): number | undefined {
  if (r.u1() === 1) {
    const idc = r.u(8);
    if (idc === 255) r.u(32); // sar_width, sar_height
  }
  if (r.u1() === 1) r.u1(); // overscan_appropriate_flag
  if (r.u1() === 1) {
    r.u(4); // video_format, video_full_range_flag
    if (r.u1() === 1) r.u(24); // colour_primaries, transfer, matrix
  }
  if (r.u1() === 1) {
    r.ue();
    r.ue();
  }
  if (r.u1() === 0) return undefined;
  const unitsInTick = r.u(32);
  const timeScale = r.u(32);
  return unitsInTick > 0 && timeScale > 0 ? timeScale / (2 * unitsInTick) : undefined;
}

export interface SpsSpec {
  width: number;
  height: number;
  fps: number;
  /** 66 Baseline (no chroma fields) or 100 High (4:2:0, 8 bit, no scaling lists). */
  profileIdc: 66 | 100;
  levelIdc: number;
}

/** log2_max_frame_num of the SPS writeSps makes, which slice headers must match. */
export const WRITTEN_LOG2_MAX_FRAME_NUM = 8;

/**
 * An SPS for a 4:2:0 progressive picture of any even size, with VUI timing for a constant frame
 * rate, escaped and with its NAL header. Picture order count type 2 keeps slice headers short.
 */
export function writeSps(spec: SpsSpec): Uint8Array {
  const w = new BitWriter().u(8, spec.profileIdc).u(8, 0).u(8, spec.levelIdc).ue(0);
  if (spec.profileIdc === 100) w.ue(1).ue(0).ue(0).u1(0).u1(0);
  w.ue(WRITTEN_LOG2_MAX_FRAME_NUM - 4).ue(2).ue(1).u1(0);
  const widthMbs = Math.ceil(spec.width / 16);
  const heightMbs = Math.ceil(spec.height / 16);
  w.ue(widthMbs - 1).ue(heightMbs - 1).u1(1).u1(1);
  const cropRight = (widthMbs * 16 - spec.width) / 2;
  const cropBottom = (heightMbs * 16 - spec.height) / 2;
  if (cropRight > 0 || cropBottom > 0) w.u1(1).ue(0).ue(cropRight).ue(0).ue(cropBottom);
  else w.u1(0);
  // VUI with timing only: a frame rate of fps is 2 ticks of 1/(2·fps·1000) s.
  w.u1(1).u1(0).u1(0).u1(0).u1(0).u1(1).u(32, 1000).u(32, Math.round(spec.fps * 2000)).u1(1).u1(0).u1(0).u1(0).u1(0);
  w.trailing();
  return Uint8Array.from([0x67, ...escapeRbsp(w.bytes())]);
}

/** The matching PPS: CAVLC, one slice group, deblocking control present. */
export function writePps(): Uint8Array {
  const w = new BitWriter().ue(0).ue(0).u1(0).u1(0).ue(0).ue(0).ue(0).u1(0).u(2, 0).se(0).se(0).se(0).u1(1).u1(0).u1(0).trailing();
  return Uint8Array.from([0x68, ...escapeRbsp(w.bytes())]);
}
