import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staleReason } from './build-if-stale.mjs';

describe('staleReason', () => {
  let root: string;
  const at = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);
  const write = (path: string, seconds: number) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), 'x');
    at(path, seconds);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'mixscope-stale-'));
    write('index.html', 1_000);
    write('src/client/app.tsx', 1_000);
    write('scripts/vite-precompress.ts', 1_000);
    write('scripts/test-gate.mjs', 1_000);
    at('src/client', 1_000);
    at('src', 1_000);
    at('scripts', 1_000);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds when there is no build yet', () => {
    expect(staleReason(root)).toBe('no build yet');
  });

  it('does not build when every input is older than the last build', () => {
    write('dist/.vite/manifest.json', 2_000);
    expect(staleReason(root)).toBeUndefined();
  });

  it('builds when a source is newer than the last build, and names where', () => {
    write('dist/.vite/manifest.json', 2_000);
    at('src/client/app.tsx', 3_000);
    expect(staleReason(root)).toBe('src/client changed since the last build');
  });

  it('counts the build plugins in scripts/, not the other scripts', () => {
    write('dist/.vite/manifest.json', 2_000);
    at('scripts/test-gate.mjs', 3_000);
    at('scripts', 1_000);
    expect(staleReason(root)).toBeUndefined();
    at('scripts/vite-precompress.ts', 3_000);
    expect(staleReason(root)).toBe('scripts/vite-precompress.ts changed since the last build');
  });
});
