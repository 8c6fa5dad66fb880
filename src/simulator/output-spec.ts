import { normaliseLayout } from '../shared/layout-normalise.ts';
import { parseTask } from '../shared/parse-task.ts';
import type { OutputSpec } from './output-stream.ts';
import type { OutputDeviation } from './sim-types.ts';
import { renderTask } from './render-task.ts';
import type { TaskSnapshot } from './task-lifecycle.ts';

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/**
 * What the simulated mixer writes for a task now: its layout as SEI JSON, at its Encode settings.
 * A user who has left the room (`away`) sends no stream, so the mixer has nothing to put in their
 * region, as with the scenario's planted non-publisher.
 */
export function outputSpecOf(snapshot: TaskSnapshot, deviation: OutputDeviation = {}, away: readonly string[] = []): OutputSpec {
  const { task } = parseTask(renderTask(snapshot, '2023-06-01'));
  const layout = normaliseLayout(task, '2023-06-01');
  const declared = { width: layout.canvas.width.value, height: layout.canvas.height.value };
  const cap = deviation.maxSize;
  const scale = cap ? Math.min(1, cap.width / declared.width, cap.height / declared.height) : 1;
  const encode = snapshot.body.Encode ?? {};
  const missing = new Set([...away, ...(deviation.dropUserId === undefined ? [] : [deviation.dropUserId])]);
  const shown = layout.regions.filter((r) => r.stream?.userId === undefined || !missing.has(r.stream.userId));
  const regions = shown.map((r) => ({
    uid: r.stream?.userId ?? '',
    x: Math.round(r.rect.x * scale), y: Math.round(r.rect.y * scale), w: Math.round(r.rect.width * scale), h: Math.round(r.rect.height * scale),
    zorder: r.zOrder.value, alpha: r.alpha.value, renderMode: r.renderMode.value, contentControl: 0,
  }));
  const width = even(declared.width * scale);
  const height = even(declared.height * scale);
  const json = {
    app_data: '',
    canvas: { w: width, h: height, bgnd: layout.canvas.background.value },
    regions,
    infos: regions.map((r) => ({ uid: r.uid, volume: 0, talk: false })),
  };
  return {
    width, height,
    fps: deviation.fps ?? encode['VideoFps'] ?? 15,
    gopSeconds: encode['VideoGop'] ?? 2,
    bitrateKbps: encode['VideoBitrate'] || 1000,
    seiJson: JSON.stringify(json),
    // Payload type 100 unless the task asks for 5 (the 2020 version has no SEIConfig at all).
    seiPayloadType: snapshot.body.Control?.SEIConfig?.SEIPayLoadType === 5 ? 5 : 100,
    scene: {
      background: json.canvas.bgnd,
      // The picture shows what the SEI says, each region labelled with its user (and a screen share as such).
      regions: regions.map(({ uid, x, y, w, h, zorder, alpha }, i) => ({ label: shown[i]?.stream?.streamType.value === 1 ? `${uid} screen` : uid, x, y, w, h, zorder, alpha })),
    },
  };
}
