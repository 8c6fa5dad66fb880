import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { budgetReport, chunksBeforeLayout, measureBundle } from './check-bundle-budget.mjs';

const dirs: string[] = [];
function assets(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'budget-test-'));
  dirs.push(dir);
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('measureBundle', () => {
  it('sums the gzip size of .js files only, maps and CSS excluded, largest first', () => {
    const big = 'export const a = 1;\n'.repeat(500);
    const small = 'console.log(1)';
    const dir = assets({ 'index-abc.js': big, 'nested/chunk.mjs': small, 'index-abc.js.map': big, 'index.css': big });
    const m = measureBundle(dir);
    expect(m.files.map((f) => f.file)).toEqual(['index-abc.js', join('nested', 'chunk.mjs')]);
    const expected = gzipSync(big, { level: 9 }).length + gzipSync(small, { level: 9 }).length;
    expect(m.totalGzipBytes).toBe(expected);
    expect(m.totalRawBytes).toBe(big.length + small.length);
  });

  it('says to build first when the folder is missing', () => {
    expect(() => measureBundle(join(tmpdir(), 'surely-not-here-4711'))).toThrow(/vite build/);
  });
});

describe('chunksBeforeLayout', () => {
  // Entry -> shared vendor chunk; the task route is lazy and imports a canvas chunk; the timeline
  // is lazy from the task route and must not count; neither must another route.
  const manifest = {
    'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_vendor.js'], dynamicImports: ['src/task-page.tsx', 'src/inspect-page.tsx'] },
    '_vendor.js': { file: 'assets/vendor.js' },
    '_canvas.js': { file: 'assets/canvas.js', imports: ['_vendor.js'] },
    'src/task-page.tsx': { file: 'assets/task-page.js', src: 'src/task-page.tsx', isDynamicEntry: true, imports: ['_canvas.js'], dynamicImports: ['src/timeline.tsx'] },
    'src/timeline.tsx': { file: 'assets/timeline.js', src: 'src/timeline.tsx', isDynamicEntry: true, imports: ['_vendor.js'] },
    'src/inspect-page.tsx': { file: 'assets/inspect-page.js', isDynamicEntry: true, imports: ['_canvas.js'] },
    'index.css': { file: 'assets/index.css' },
  };
  const sources: Record<string, string[]> = {
    'assets/index.js': ['../../src/main.tsx'],
    'assets/task-page.js': ['../../src/task-page.tsx'],
    'assets/canvas.js': ['../../src/layout-canvas.tsx', '../../node_modules/konva/lib/Core.js'],
  };
  const sourcesOf = (f: string) => sources[f] ?? [];

  it('counts the script of a worker that a counted chunk starts, and no other asset', () => {
    const withWorker = {
      ...manifest,
      'index.html': { ...manifest['index.html'], assets: ['assets/warm-worker.js', 'assets/logo.svg'] },
      'src/timeline.tsx': { ...manifest['src/timeline.tsx'], assets: ['assets/timeline-worker.js'] },
    };
    expect(chunksBeforeLayout(withWorker, sourcesOf, ['src/task-page.tsx']).sort())
      .toEqual(['assets/canvas.js', 'assets/index.js', 'assets/task-page.js', 'assets/vendor.js', 'assets/warm-worker.js']);
  });

  it('counts the entry, the chunks holding the listed modules and their static imports only', () => {
    expect(chunksBeforeLayout(manifest, sourcesOf, ['src/task-page.tsx', 'src/layout-canvas.tsx']).sort())
      .toEqual(['assets/canvas.js', 'assets/index.js', 'assets/task-page.js', 'assets/vendor.js']);
  });

  it('counts a module bundled into the entry once', () => {
    expect(chunksBeforeLayout(manifest, sourcesOf, ['src/main.tsx']).sort()).toEqual(['assets/index.js', 'assets/vendor.js']);
  });

  it('fails loudly when a listed module is in no chunk (renamed or moved)', () => {
    expect(() => chunksBeforeLayout(manifest, sourcesOf, ['src/gone.tsx'])).toThrow(/TASK_LAYOUT_MODULES/);
  });
});

describe('budgetReport', () => {
  const measure = (gzipBytes: number) => ({
    files: [{ file: 'index.js', rawBytes: gzipBytes * 3, gzipBytes }],
    totalGzipBytes: gzipBytes,
    totalRawBytes: gzipBytes * 3,
  });

  it('passes at the budget, ends with the verdict and gives the total for information', () => {
    const r = budgetReport(measure(200_000), measure(300_000), 200);
    expect(r.ok).toBe(true);
    expect(r.text).toContain('Every chunk together (information): 300.0 kB gzip');
    expect(r.text.split('\n').at(-1)).toBe('JavaScript before the /task layout draws: 200.0 kB gzip (600.0 kB raw) in 1 file(s): within the budget of 200 kB');
  });

  it('fails one byte over', () => {
    const r = budgetReport(measure(200_001), measure(300_000), 200);
    expect(r.ok).toBe(false);
    expect(r.text).toMatch(/OVER the budget of 200 kB/);
  });

  it('fails when there is no JavaScript at all', () => {
    const none = { files: [], totalGzipBytes: 0, totalRawBytes: 0 };
    expect(budgetReport(none, none, 200).ok).toBe(false);
  });
});
