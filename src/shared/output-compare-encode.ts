import { num } from './layout-warning-text.ts';
import type { ComparisonDraft } from './output-compare-codes.ts';
import type { StreamFacts } from './output-api.ts';
import type { VolcEncode } from './volc-task-schema.ts';

/** Volcengine's documented Encode defaults (reference §1.2), used when the task does not send a value. */
export const ENCODE_DEFAULTS = { VideoFps: 15, VideoGop: 4 } as const;

/**
 * How far a measured value may stray before it is a difference. A frame rate measured from
 * millisecond timestamps over a few seconds is exact to about a frame; a bitrate varies with the
 * picture, so only a large gap says something.
 */
const FPS_TOLERANCE = { absolute: 1, relative: 0.1 };
const GOP_TOLERANCE = { absoluteSeconds: 0.25, relative: 0.1 };
const BITRATE_RANGE = { below: 0.5, above: 1.5 };

/** Encode.VideoFps, or the documented default with a note saying so. */
const askedFps = (sent: number | undefined) =>
  sent === undefined ? { value: ENCODE_DEFAULTS.VideoFps, note: ' (VideoFps not sent: the documented default)' } : { value: sent, note: '' };

function frameRateCheck(encode: VolcEncode | undefined, stream: StreamFacts): ComparisonDraft[] {
  const measured = stream.fps ?? stream.spsFps;
  if (measured === null) return [];
  const want = askedFps(encode?.VideoFps);
  if (Math.abs(measured - want.value) <= Math.max(FPS_TOLERANCE.absolute, want.value * FPS_TOLERANCE.relative)) return [];
  const how = stream.fps === null ? 'declares' : 'runs at';
  return [{
    code: 'streamFrameRate', regionIds: [], params: { asked: want.value, measured: num(measured), defaulted: want.note === '' ? 0 : 1 },
    message: `Encode asks ${want.value} fps${want.note}, the stream ${how} ${num(measured)}. ${measured < want.value ? 'Motion looks less smooth than the task asks for.' : 'The stream spends more frames than the task asks for.'}`,
    fix: 'Check Encode.VideoFps in the task in force, and the frame rate the publishers send: the mixer cannot make frames its inputs do not have, and a loaded mixer or a slow input lowers it.',
  }];
}

function gopCheck(encode: VolcEncode | undefined, stream: StreamFacts): ComparisonDraft[] {
  if (stream.gopSeconds === null) return [];
  const sent = encode?.VideoGop;
  const want = sent ?? ENCODE_DEFAULTS.VideoGop;
  if (Math.abs(stream.gopSeconds - want) <= Math.max(GOP_TOLERANCE.absoluteSeconds, want * GOP_TOLERANCE.relative)) return [];
  const note = sent === undefined ? ' (VideoGop not sent: the documented default)' : '';
  return [{
    code: 'streamGop', regionIds: [], params: { asked: want, measured: num(stream.gopSeconds), frames: stream.gopFrames ?? '', defaulted: sent === undefined ? 1 : 0 },
    message: `Encode asks for a keyframe every ${want} s${note}; the stream has one every ${num(stream.gopSeconds)} s${stream.gopFrames === null ? '' : ` (${num(stream.gopFrames)} frames)`}. ${stream.gopSeconds > want ? 'A player joining the stream waits longer for its first picture.' : 'Keyframes cost more bits than the task asks for.'}`,
    fix: 'Check Encode.VideoGop in the task in force (seconds, 1 to 5); a CDN that transcodes the stream sets its own keyframe interval, so compare with the origin\'s pull URL.',
  }];
}

function bitrateCheck(encode: VolcEncode | undefined, stream: StreamFacts, mediaMs: number): ComparisonDraft[] {
  const want = encode?.VideoBitrate;
  // 0 or absent: adaptive, nothing to compare with.
  if (want === undefined || want <= 0 || stream.videoBitrateKbps === null) return [];
  const ratio = stream.videoBitrateKbps / want;
  if (ratio >= BITRATE_RANGE.below && ratio <= BITRATE_RANGE.above) return [];
  const seconds = num(Math.round(mediaMs / 100) / 10);
  return [{
    code: 'streamBitrate', regionIds: [], params: { asked: want, measured: stream.videoBitrateKbps, seconds },
    message: `Encode asks ${want} kbit/s of video; over the ${seconds} s read the stream carried ${stream.videoBitrateKbps} kbit/s. A short read of a still picture can be far below the target, so this is a hint, not a verdict.`,
    fix: 'Check Encode.VideoBitrate in the task in force, and read again while the picture moves; a CDN that transcodes the stream sets its own bitrate.',
  }];
}

/** The task's Encode against what the stream itself shows. The size is compared in sizeChecks. */
export function encodeChecks(encode: VolcEncode | undefined, stream: StreamFacts, mediaMs: number): ComparisonDraft[] {
  return [...frameRateCheck(encode, stream), ...gopCheck(encode, stream), ...bitrateCheck(encode, stream, mediaMs)];
}
