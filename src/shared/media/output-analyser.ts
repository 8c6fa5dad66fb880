import type { StreamFacts } from '../output-api.ts';
import { nalType, parseVideoTag, splitNalus } from './flv-avc.ts';
import type { FlvHeader, FlvTag } from './flv-demuxer.ts';
import { parseSeiMessages, volcSeiText, type VolcSeiText } from './h264-sei.ts';
import { PROFILE_NAMES, parseSps, type SpsInfo } from './h264-sps.ts';

/**
 * Watches an FLV stream's tags and says when it has read enough: Volcengine's layout SEI after a
 * keyframe, and enough of the stream to measure it (whole GOPs or a span of media time). Pure:
 * the network side feeds it and asks `done`.
 */

export interface AnalyserLimits {
  /** Keyframes to see before stopping (3 gives two whole GOPs). */
  keyframes: number;
  /** Media time after the first keyframe that is enough even with fewer keyframes. */
  mediaMs: number;
}

export const DEFAULT_ANALYSER_LIMITS: AnalyserLimits = { keyframes: 3, mediaMs: 10_000 };

export type AnalyserProblem =
  | { reason: 'not-h264'; message: string }
  | { reason: 'bad-bitstream'; message: string };

export class OutputAnalyser {
  header: FlvHeader | undefined;
  videoTags = 0;
  audioTags = 0;
  sps: SpsInfo | undefined;
  /** The first Volcengine SEI seen in a keyframe's access unit, or after a keyframe. */
  sei: VolcSeiText | undefined;
  problem: AnalyserProblem | undefined;
  private nalLengthSize = 4;
  private readonly keyTimes: number[] = [];
  private readonly keyFrameIndex: number[] = [];
  private framesAfterKey = 0;
  private firstKeyTs: number | undefined;
  private lastVideoTs: number | undefined;
  private bytesAfterKey = 0;
  private videoBytesAfterKey = 0;

  constructor(private readonly limits: AnalyserLimits = DEFAULT_ANALYSER_LIMITS) {}

  onHeader(header: FlvHeader): void {
    this.header = header;
  }

  onTag(tag: FlvTag): void {
    if (this.problem) return;
    if (this.firstKeyTs !== undefined) this.bytesAfterKey += tag.size;
    if (tag.type === 8) this.audioTags += 1;
    if (tag.type !== 9) return;
    this.videoTags += 1;
    try {
      this.onVideo(tag);
    } catch (e) {
      this.problem = { reason: 'bad-bitstream', message: e instanceof Error ? e.message : String(e) };
    }
  }

  private onVideo(tag: FlvTag): void {
    const avc = parseVideoTag(tag.data);
    if (avc.kind === 'other-codec') {
      this.problem = { reason: 'not-h264', message: avc.codecId === -1 ? 'the video is not H.264 (an Enhanced RTMP codec such as HEVC or AV1)' : `the video is not H.264 (FLV codec id ${avc.codecId})` };
      return;
    }
    if (avc.kind === 'config') {
      this.nalLengthSize = avc.nalLengthSize;
      const sps = avc.sps[0];
      if (sps) this.sps = parseSps(sps);
      return;
    }
    if (avc.kind !== 'nalus') return;
    const nalus = splitNalus(avc.data, this.nalLengthSize);
    const idr = nalus.some((n) => nalType(n) === 5);
    const keyframe = avc.keyframe || idr;
    if (keyframe) {
      this.firstKeyTs ??= tag.timestamp;
      if (this.keyTimes.length === 0) this.bytesAfterKey = tag.size;
      this.keyTimes.push(tag.timestamp);
      this.keyFrameIndex.push(this.framesAfterKey);
    }
    if (this.firstKeyTs === undefined) return;
    this.framesAfterKey += 1;
    this.videoBytesAfterKey += tag.size;
    this.lastVideoTs = tag.timestamp;
    for (const nal of nalus) {
      const type = nalType(nal);
      if (type === 7 && this.sps === undefined) this.sps = parseSps(nal);
      if (type === 6 && this.sei === undefined) this.sei = volcSeiText(parseSeiMessages(nal));
    }
  }

  get keyframes(): number {
    return this.keyTimes.length;
  }

  get mediaMs(): number {
    return this.firstKeyTs === undefined || this.lastVideoTs === undefined ? 0 : this.lastVideoTs - this.firstKeyTs;
  }

  /** Enough read: the SEI is in hand and the stream measured, or it cannot get better. */
  get done(): boolean {
    if (this.problem) return true;
    // Two keyframes without a layout SEI: this output does not carry one.
    if (this.sei === undefined) return this.keyframes >= 2;
    return this.keyframes >= this.limits.keyframes || this.mediaMs >= this.limits.mediaMs;
  }

  facts(): StreamFacts | undefined {
    const sps = this.sps;
    if (sps === undefined) return undefined;
    const frames = this.framesAfterKey;
    const span = this.mediaMs;
    const fps = frames >= 2 && span > 0 ? (frames - 1) * 1000 / span : null;
    const gops = this.keyTimes.length - 1;
    const first = this.keyTimes[0];
    const last = this.keyTimes[gops];
    const firstIndex = this.keyFrameIndex[0];
    const lastIndex = this.keyFrameIndex[gops];
    const whole = gops >= 1 && first !== undefined && last !== undefined && firstIndex !== undefined && lastIndex !== undefined;
    // A frame's worth of time is added so N frames at F fps count as N/F seconds.
    const seconds = fps === null ? 0 : (span + 1000 / fps) / 1000;
    const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
    return {
      codec: 'H.264',
      profile: { idc: sps.profileIdc, name: PROFILE_NAMES[sps.profileIdc] ?? null, level: sps.levelIdc / 10 },
      width: sps.width,
      height: sps.height,
      fps: fps === null ? null : round(fps, 2),
      spsFps: sps.fps === undefined ? null : round(sps.fps, 3),
      gopFrames: whole ? round((lastIndex - firstIndex) / gops, 2) : null,
      gopSeconds: whole ? round((last - first) / gops / 1000, 3) : null,
      bitrateKbps: seconds > 0 ? Math.round(this.bytesAfterKey * 8 / seconds / 1000) : null,
      videoBitrateKbps: seconds > 0 ? Math.round(this.videoBytesAfterKey * 8 / seconds / 1000) : null,
      hasAudio: this.audioTags > 0,
    };
  }
}
