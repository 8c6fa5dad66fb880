import { describe, expect, it } from 'vitest';
import { BitReader } from '../shared/media/bit-reader.ts';
import { unescapeRbsp } from '../shared/media/emulation-prevention.ts';
import { nalType, parseVideoTag, splitNalus } from '../shared/media/flv-avc.ts';
import { FlvDemuxer, type FlvTag } from '../shared/media/flv-demuxer.ts';
import { OutputAnalyser } from '../shared/media/output-analyser.ts';
import { outputFrames, type OutputSpec } from './output-stream.ts';

/** The simulator's stream read with the server's own parsers, as GET /api/task/output reads it. */
const seiJson = JSON.stringify({ app_data: '', canvas: { w: 640, h: 360, bgnd: '#202020' }, regions: [{ uid: 'ava', x: 0, y: 0, w: 320, h: 360 }] });
const spec: OutputSpec = {
  width: 640, height: 360, fps: 15, gopSeconds: 2, bitrateKbps: 800, seiJson, seiPayloadType: 100,
  scene: { background: '#202020', regions: [{ label: 'ava', x: 0, y: 0, w: 320, h: 360, zorder: 0, alpha: 1 }] },
};

function tagsOf(frames: number): FlvTag[] {
  const { start, frame } = outputFrames(spec);
  const demuxer = new FlvDemuxer();
  const events = [start, ...Array.from({ length: frames }, (_, i) => frame(i))].flatMap((chunk) => demuxer.push(chunk));
  return events.flatMap((e) => (e.kind === 'tag' ? [e.tag] : []));
}

describe('the simulator output stream', () => {
  it('reads back as the size, frame rate, keyframe interval, bitrate and layout it was made with', () => {
    const analyser = new OutputAnalyser({ keyframes: 3, mediaMs: 60_000 });
    for (const tag of tagsOf(61)) analyser.onTag(tag);
    expect(analyser.problem).toBeUndefined();
    expect(analyser.done).toBe(true);
    const facts = analyser.facts();
    expect(facts).toMatchObject({ width: 640, height: 360, fps: 15, spsFps: 15, gopFrames: 30, gopSeconds: 2, profile: { idc: 66, name: 'Baseline' } });
    // Three keyframes over two GOPs and a frame: the keyframes' extra bytes keep it within a few percent.
    expect(facts?.videoBitrateKbps).toBeGreaterThan(800 * 0.95);
    expect(facts?.videoBitrateKbps).toBeLessThan(800 * 1.1);
    expect(analyser.sei).toEqual({ payloadType: 100, text: seiJson });
  });

  it('sends an IDR with SPS, PPS and SEI every GOP and P slices that skip every macroblock between', () => {
    const macroblocks = 40 * 23;
    tagsOf(31).slice(1).forEach((tag, i) => {
      const avc = parseVideoTag(tag.data);
      if (avc.kind !== 'nalus') throw new Error(`tag ${i} is not a NAL unit tag`);
      const units = splitNalus(avc.data, 4);
      const key = i % 30 === 0;
      expect(avc.keyframe).toBe(key);
      expect(units.map(nalType).filter((t) => t !== 12)).toEqual(key ? [7, 8, 6, 5] : [1]);
      if (key) return;
      const slice = units.find((u) => nalType(u) === 1) ?? new Uint8Array();
      const r = new BitReader(unescapeRbsp(slice.subarray(1)));
      // first_mb, slice_type P, pps, frame_num, override and reordering flags, marking, QP delta, deblocking, mb_skip_run
      expect([r.ue(), r.ue(), r.ue(), r.u(8), r.u1(), r.u1(), r.u1(), r.se(), r.ue(), r.ue()]).toEqual([0, 5, 0, i % 30, 0, 0, 0, 0, 1, macroblocks]);
    });
  });
});
