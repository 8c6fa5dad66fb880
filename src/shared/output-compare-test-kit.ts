import { appliedLayoutOf } from './media/applied-layout.ts';
import type { AppliedLayout, StreamFacts } from './output-api.ts';
import { ENCODE_DEFAULTS } from './output-compare-encode.ts';
import type { TaskModel } from './task-model.ts';

/** Test builders for the declared-vs-applied comparison: an output that follows a task exactly, then edited. */

export interface SeiRegion { uid: string; x: number; y: number; w: number; h: number; zorder: number; alpha: number; renderMode: number }
function seiRegions(model: TaskModel): SeiRegion[] {
  return model.layout.regions.map((r) => ({
    uid: r.stream?.userId ?? '', x: r.rect.x, y: r.rect.y, w: r.rect.width, h: r.rect.height, zorder: r.zOrder.value, alpha: r.alpha.value, renderMode: r.renderMode.value,
  }));
}
/** The SEI a mixer that applies the task exactly would write, edited, through the real SEI parser. */
export function appliedOf(model: TaskModel, edit: (sei: { canvas: { w: number; h: number }; regions: SeiRegion[]; infos?: unknown[] }) => void = () => undefined): AppliedLayout {
  const regions = seiRegions(model);
  const sei = {
    canvas: { w: model.layout.canvas.width.value, h: model.layout.canvas.height.value, bgnd: '#000000' },
    regions,
    infos: regions.map((r) => ({ uid: r.uid, volume: 0, talk: false })),
  };
  edit(sei);
  const parsed = appliedLayoutOf(JSON.stringify(sei), 5);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.layout;
}
/** The stream an encoder that follows Encode exactly would send. */
export function factsOf(model: TaskModel, change: Partial<StreamFacts> = {}): StreamFacts {
  const encode = model.task.Encode;
  const fps = encode?.VideoFps ?? ENCODE_DEFAULTS.VideoFps;
  const gop = encode?.VideoGop ?? ENCODE_DEFAULTS.VideoGop;
  const kbps = encode?.VideoBitrate ?? null;
  return {
    codec: 'H.264', profile: { idc: 100, name: 'High', level: 3.1 },
    width: model.layout.canvas.width.value, height: model.layout.canvas.height.value,
    fps, spsFps: fps, gopFrames: gop * fps, gopSeconds: gop, bitrateKbps: kbps, videoBitrateKbps: kbps, hasAudio: false, ...change,
  };
}
