import { pixelLayout, type TestBox } from '../src/shared/layout-test-tasks.ts';
import { emitFigures, median } from './bench-kit.ts';
import { visibleShare } from '../src/shared/layout-geometry.ts';

/**
 * `npx tsx bench/occlusion.bench.ts`: how long the visible share of every region takes (the
 * "hidden behind" warning and the region table both read it), for overlapping layouts of 30, 300
 * and 1,000 regions. Pure, in Node; the median of many runs after a warm-up.
 */
const RUNS = Number(process.env.BENCH_RUNS || 25);

function boxes(n: number): TestBox[] {
  return Array.from({ length: n }, (_, i) => ({
    x: (i * 97) % 1200, y: (i * 53) % 680, w: 80 + ((i * 31) % 400), h: 45 + ((i * 17) % 225), z: i % 7,
  }));
}

const figures: Record<string, { value: number; detail: string }> = {};
for (const n of [30, 300, 1_000]) {
  const layout = pixelLayout(boxes(n));
  visibleShare(layout); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    visibleShare(layout);
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
  console.log(`${n} regions: median ${median(times).toFixed(2)} ms per visibleShare (p95 ${p95.toFixed(2)}), ${RUNS} runs`);
  figures[`occlusion-${n}`] = { value: Number(median(times).toFixed(2)), detail: `p95 ${p95.toFixed(2)} ms` };
}
emitFigures(figures);
