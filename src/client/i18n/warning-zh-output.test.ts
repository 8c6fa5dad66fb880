import { describe, expect, it } from 'vitest';
import { COMPARISON_CODES } from '../../shared/output-compare-codes.ts';
import { compareOutput } from '../../shared/output-compare.ts';
import { appliedOf, factsOf } from '../../shared/output-compare-test-kit.ts';
import { pixelTask } from '../../shared/layout-test-tasks.ts';
import { buildTaskModel } from '../../shared/task-model.ts';
import { warningZh } from './warning-zh.ts';

const vars = (template: string) => [...template.matchAll(/\{\{(\w+)/g)].map((m) => m[1] ?? '');

/** Outputs that between them differ from their tasks in every way the comparison reports. */
function everyDifference() {
  const twoUp = buildTaskModel({
    ...pixelTask([{ x: 0, y: 0, w: 640, h: 720 }, { x: 640, y: 0, w: 640, h: 720 }, { x: 0, y: 0, w: 100, h: 100 }]),
    Encode: { VideoFps: 30, VideoGop: 2, VideoBitrate: 2000 },
  }, '2023-11-01');
  const everything = appliedOf(twoUp, (s) => {
    s.canvas = { w: 1920, h: 1080 };
    s.regions = [{ ...s.regions[0]!, x: 500, zorder: 3, alpha: 0.4, renderMode: 2 }, { uid: 'intruder', x: 0, y: 0, w: 8, h: 8, zorder: 0, alpha: 1, renderMode: 0 }, { ...s.regions[2]!, uid: '' }];
    s.infos = [{ uid: 'guest', talk: true }, { uid: 'quiet', talk: false }];
  });
  const ratios = appliedOf(twoUp, (s) => void (s.regions = s.regions.map((r) => ({ ...r, x: r.x / 1280, y: r.y / 720, w: r.w / 1280, h: r.h / 720 }))));
  const template = buildTaskModel({ Layout: { LayoutMode: 0 }, TargetStreams: { StreamList: [{ UserId: 'a', Index: 0 }] } }, '2020-12-01');
  return [
    ...compareOutput(twoUp, { applied: everything, stream: factsOf(twoUp, { width: 640, height: 360, fps: 15, gopSeconds: 4, videoBitrateKbps: 300 }), mediaMs: 4000 }).warnings,
    ...compareOutput(twoUp, { applied: ratios, stream: factsOf(twoUp), mediaMs: 4000 }).warnings,
    ...compareOutput(template, { applied: appliedOf(template), stream: factsOf(template), mediaMs: 4000 }).warnings,
  ];
}

describe('Chinese declared-vs-applied warnings', () => {
  it('have a message and a fix for every comparison code, using only the values the warning gives', () => {
    const warnings = everyDifference();
    // The cases above must reach every code, or the variable check proves little.
    expect(COMPARISON_CODES.filter((c) => !warnings.some((w) => w.code === c))).toEqual([]);
    for (const w of warnings) {
      const zh = warningZh[w.code];
      expect(zh.message.length * zh.fix.length).toBeGreaterThan(0);
      for (const v of [...vars(zh.message), ...vars(zh.fix)]) expect({ code: w.code, v, has: v in w.params }).toEqual({ code: w.code, v, has: true });
    }
  });
});
