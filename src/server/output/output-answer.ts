import { appliedLayoutOf } from '../../shared/media/applied-layout.ts';
import type { AppliedLayout, OutputFailureReason, StreamFacts } from '../../shared/output-api.ts';
import type { ReadOutcome } from './read-output.ts';

export type OutputReading =
  | { ok: true; applied: AppliedLayout; stream: StreamFacts; bytesRead: number; mediaMs: number }
  | { ok: false; reason: OutputFailureReason; message: string; httpStatus?: number; bytesRead: number };

/** A finished read as the applied layout and facts, or the first thing that went wrong, in words. */
export function outputReading(read: ReadOutcome): OutputReading {
  if (!read.ok) return read;
  const { analyser, bytesRead } = read;
  const failure = (reason: OutputFailureReason, message: string): OutputReading => ({ ok: false, reason, message, bytesRead });
  if (analyser.problem) return failure(analyser.problem.reason, `The output's ${analyser.problem.message}.`);
  if (analyser.header === undefined) return failure('not-flv', `The output ended after ${bytesRead} bytes, before a whole FLV header.`);
  if (analyser.videoTags === 0) {
    const why = analyser.header.hasVideo ? 'no video tag arrived' : 'its header says it has no video';
    return failure('no-video', `The output is FLV but ${why} (${analyser.audioTags} audio tags read). Check the task's Control.MediaType and that someone in the room publishes video.`);
  }
  if (analyser.keyframes === 0) return failure('no-keyframe', `Read ${analyser.videoTags} video frames and ${bytesRead} bytes without a keyframe; the layout SEI comes with keyframes. Check the task's Encode.VideoGop.`);
  const stream = analyser.facts();
  if (stream === undefined) return failure('bad-bitstream', 'The output has keyframes but no SPS (no AVC sequence header), so its size and profile cannot be read.');
  if (analyser.sei === undefined) {
    return failure('no-sei', `${analyser.keyframes} keyframes arrived without Volcengine's layout SEI (payload type 100, or 5 with UUID VolcengineRTCSEI). Either the mixer is an older one that does not write it, or the CDN strips SEI; try the pull URL of another CDN node or the origin.`);
  }
  const applied = appliedLayoutOf(analyser.sei.text, analyser.sei.payloadType);
  if (!applied.ok) return failure('sei-not-json', `Found Volcengine's SEI after a keyframe, but ${applied.message}. The raw SEI may come from another sender using the same payload type.`);
  return { ok: true, applied: applied.layout, stream, bytesRead, mediaMs: analyser.mediaMs };
}
