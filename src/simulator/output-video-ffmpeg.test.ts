import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderScene, type OutputScene } from './output-picture.ts';
import { outputFrames, type OutputSpec } from './output-stream.ts';

/**
 * A real decoder reads the simulator's stream: FFmpeg, when this machine has it (the product
 * never needs it). Decoding must be clean and the picture must equal the rendered scene sample
 * for sample, since the encoder is lossless.
 */
const ffmpegHere = spawnSync('ffmpeg', ['-version']).status === 0 && spawnSync('ffprobe', ['-version']).status === 0;
const dir = ffmpegHere ? mkdtempSync(join(tmpdir(), 'mixscope-video-')) : '';
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

const scene: OutputScene = {
  background: '#1f2430',
  regions: [
    { label: 'host-ava', x: 0, y: 0, w: 212, h: 180, zorder: 0, alpha: 1 },
    { label: 'guest-ben', x: 200, y: 37, w: 118, h: 141, zorder: 1, alpha: 0.6 },
    { label: 'stu-fay screen', x: 13, y: 150, w: 300, h: 29, zorder: 2, alpha: 1 },
    { label: 'off', x: 300, y: 0, w: 40, h: 40, zorder: 3, alpha: 0 },
    // On macroblock boundaries: flat macroblocks with one colour above and another to the left.
    { label: '', x: 224, y: 0, w: 48, h: 16, zorder: 0, alpha: 1 },
    { label: '', x: 224, y: 16, w: 16, h: 32, zorder: 0, alpha: 1 },
    { label: '', x: 240, y: 16, w: 32, h: 16, zorder: 1, alpha: 0.5 },
  ],
};
// 326×182 is not a whole number of macroblocks, so cropping is exercised too.
const spec: OutputSpec = { width: 326, height: 182, fps: 12, gopSeconds: 1, bitrateKbps: 300, seiJson: '{"canvas":{}}', seiPayloadType: 5, scene };

function writeStream(name: string, frames: number): string {
  const { start, frame } = outputFrames(spec);
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat([start, ...Array.from({ length: frames }, (_, i) => frame(i))]));
  return path;
}

describe.skipIf(!ffmpegHere)('the simulator stream in FFmpeg (skipped: ffmpeg and ffprobe are not installed on this machine)', () => {
  it('probes as H.264 Baseline at the written size and frame rate', () => {
    const file = writeStream('probe.flv', 36);
    const probe = spawnSync('ffprobe', ['-v', 'error', '-select_streams', 'v', '-show_entries', 'stream=codec_name,profile,width,height,r_frame_rate', '-of', 'json', file], { encoding: 'utf8' });
    expect(probe.status).toBe(0);
    expect(JSON.parse(probe.stdout).streams[0]).toEqual({ codec_name: 'h264', profile: 'Baseline', width: 326, height: 182, r_frame_rate: '12/1' });
  });

  it('decodes every frame without an error, and the picture is the scene exactly', () => {
    const file = writeStream('decode.flv', 36);
    const run = spawnSync('ffmpeg', ['-v', 'error', '-xerror', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-'], { maxBuffer: 64 << 20 });
    expect(run.stderr.toString()).toBe('');
    expect(run.status).toBe(0);
    const frameSize = 326 * 182 * 3 / 2;
    expect(run.stdout.length).toBe(36 * frameSize);
    const pic = renderScene(scene, 326, 182);
    const want = new Uint8Array(frameSize);
    let at = 0;
    for (let y = 0; y < 182; y += 1) want.set(pic.y.subarray(y * pic.width, y * pic.width + 326), (at += 326) - 326);
    for (const plane of [pic.u, pic.v]) {
      for (let y = 0; y < 91; y += 1) want.set(plane.subarray(y * pic.width / 2, y * pic.width / 2 + 163), (at += 163) - 163);
    }
    // The first frame of each GOP (an IDR) and a P frame that only skips: both must be the scene.
    for (const index of [0, 5, 12, 35]) {
      const got = run.stdout.subarray(index * frameSize, (index + 1) * frameSize);
      const differing = got.reduce((n, v, i) => n + (v === want[i] ? 0 : 1), 0);
      expect(differing, `frame ${index}`).toBe(0);
    }
  });
});
