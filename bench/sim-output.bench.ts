import { FlvDemuxer } from '../src/shared/media/flv-demuxer.ts';
import { encodeIdr, type EncodeStats } from '../src/simulator/h264-intra-encoder.ts';
import { renderScene } from '../src/simulator/output-picture.ts';
import { createSimulator } from '../src/simulator/simulator.ts';
import { emitFigures } from './bench-kit.ts';

/**
 * What one pull of a simulated output costs the simulator: CPU time (process.cpuUsage, user and
 * system) and bytes per second over a 10 s read, for the first pull of a layout (which renders
 * and encodes its keyframe) and for a second pull of the same layout (which finds it cached);
 * and the one-off render and encode of a keyframe at 720p and 1080p. Run on its own:
 * `npx tsx bench/sim-output.bench.ts [seconds]`.
 */
const SECONDS = Number(process.argv[2] ?? 10);

async function pull(stream: string): Promise<{ cpuMs: number; bytes: number; seconds: number; firstKeyMs: number; keyBytes: number }> {
  const sim = createSimulator({ seed: 1 });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const res = await sim.fetch(new Request(`http://sim.test/pull/live/${stream}.flv`));
  const reader = res.body?.getReader();
  if (!reader) throw new Error(`no body for ${stream} (HTTP ${res.status})`);
  const demuxer = new FlvDemuxer();
  let bytes = 0;
  let firstKeyMs = 0;
  let keyBytes = 0;
  while (performance.now() - t0 < SECONDS * 1000) {
    const chunk = await reader.read();
    if (chunk.done) break;
    bytes += chunk.value.length;
    for (const e of demuxer.push(chunk.value)) {
      if (e.kind === 'tag' && keyBytes === 0 && e.tag.data[0] === 0x17 && e.tag.data[1] === 1) {
        firstKeyMs = performance.now() - t0;
        keyBytes = e.tag.size;
      }
    }
  }
  await reader.cancel();
  const cpu = process.cpuUsage(cpu0);
  return { cpuMs: (cpu.user + cpu.system) / 1000, bytes, seconds: (performance.now() - t0) / 1000, firstKeyMs, keyBytes };
}

function keyframeCost(width: number, height: number): { ms: number; bytes: number; pcm: number; flat: number } {
  const regions = Array.from({ length: 9 }, (_, i) => ({
    label: `user-${i + 1}`, x: (i % 3) * Math.round(width / 3), y: Math.floor(i / 3) * Math.round(height / 3), w: Math.round(width / 3), h: Math.round(height / 3), zorder: 0, alpha: 1,
  }));
  const runs: number[] = [];
  let last: { nal: Uint8Array; stats: EncodeStats } = { nal: new Uint8Array(), stats: { pcm: 0, flat: 0 } };
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    last = encodeIdr(renderScene({ background: '#1f2430', regions }, width, height), 0);
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return { ms: runs[2] ?? 0, bytes: last.nal.length, ...last.stats };
}

const rows: string[] = [];
const figures: Record<string, { value: number; detail: string }> = {};
for (const [stream, what] of [['math-101', '1920x1080, 25 fps, 4000 kbit/s'], ['town-hall', '1280x720 (capped), 25 fps, 2500 kbit/s']] as const) {
  for (const pass of ['first', 'cached'] as const) {
    // A new simulator each pass; the keyframe cache is the module's, shared like the server's.
    const r = await pull(stream);
    const cpuPercent = r.cpuMs / (r.seconds * 1000) * 100;
    rows.push(`| ${stream} (${what}), ${pass} pull | ${r.seconds.toFixed(1)} s | ${Math.round(r.cpuMs)} ms (${cpuPercent.toFixed(1)} % of a core) | ${Math.round(r.bytes / r.seconds / 1000)} kB/s | ${Math.round(r.firstKeyMs)} ms | ${Math.round(r.keyBytes / 1000)} kB |`);
    figures[`sim-pull-cpu-${stream}-${pass}`] = { value: Math.round(cpuPercent * 10) / 10, detail: `${Math.round(r.cpuMs)} ms CPU over ${r.seconds.toFixed(1)} s, ${Math.round(r.bytes / r.seconds / 1000)} kB/s` };
  }
}
console.log('| pull | read for | CPU (user + system) | bytes per second | first keyframe after | keyframe tag |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log('');
console.log('| keyframe of a 3x3 grid | render and encode (median of 5) | size | I_PCM / Intra16x16 macroblocks |');
console.log('| --- | --- | --- | --- |');
for (const [w, h] of [[1280, 720], [1920, 1080]] as const) {
  const k = keyframeCost(w, h);
  console.log(`| ${w}x${h} | ${k.ms.toFixed(0)} ms | ${Math.round(k.bytes / 1000)} kB | ${k.pcm} / ${k.flat} |`);
  figures[`sim-keyframe-${h}p`] = { value: Math.round(k.ms), detail: `${Math.round(k.bytes / 1000)} kB, ${k.pcm} I_PCM and ${k.flat} Intra16x16 macroblocks` };
}
emitFigures(figures);
process.exit(0);
