import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { budgetReport, measureBundle } from './check-bundle-budget.mjs';

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

describe('budgetReport', () => {
  const measure = (gzipBytes: number) => ({
    files: [{ file: 'index.js', rawBytes: gzipBytes * 3, gzipBytes }],
    totalGzipBytes: gzipBytes,
    totalRawBytes: gzipBytes * 3,
  });

  it('passes at the budget and prints the figure', () => {
    const r = budgetReport(measure(400_000), 400);
    expect(r.ok).toBe(true);
    expect(r.text.split('\n').at(-1)).toBe('JavaScript total: 400.0 kB gzip (1200.0 kB raw) in 1 file(s): within the budget of 400 kB');
  });

  it('fails one byte over', () => {
    const r = budgetReport(measure(400_001), 400);
    expect(r.ok).toBe(false);
    expect(r.text).toMatch(/OVER the budget of 400 kB/);
  });

  it('fails when there is no JavaScript at all', () => {
    expect(budgetReport({ files: [], totalGzipBytes: 0, totalRawBytes: 0 }, 400).ok).toBe(false);
  });
});
