import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { ENCODING_SUFFIX, PRECOMPRESSED_FILE } from '../src/server/routes/content-encoding.ts';

/**
 * Writes `file.br` and `file.gz` beside every text file of the build (JavaScript, CSS, HTML, SVG,
 * JSON; not source maps), at the highest levels, once per build, so the server sends compressed
 * bytes without compressing anything per request (src/server/routes/static-routes.ts picks one).
 * A variant that would not be smaller is not written.
 */
const MIN_BYTES = 1024;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === '.vite' ? [] : files(p);
    return e.isFile() ? [p] : [];
  });
}

export function precompressFile(path: string): { br?: number; gz?: number } {
  const raw = readFileSync(path);
  const out: { br?: number; gz?: number } = {};
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
  if (br.length < raw.length) {
    writeFileSync(`${path}${ENCODING_SUFFIX.br}`, br);
    out.br = br.length;
  }
  const gz = gzipSync(raw, { level: 9 });
  if (gz.length < raw.length) {
    writeFileSync(`${path}${ENCODING_SUFFIX.gzip}`, gz);
    out.gz = gz.length;
  }
  return out;
}

export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'mixscope-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      for (const path of files(outDir)) {
        if (PRECOMPRESSED_FILE.test(path) && statSync(path).size >= MIN_BYTES) precompressFile(path);
      }
    },
  };
}
