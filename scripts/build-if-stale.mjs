#!/usr/bin/env node
// `npm start` builds the dashboard only when its sources changed since the last build, and
// quietly (warnings and errors only): a restart should start, not rebuild and list every chunk.
// Stale means dist/ has no manifest, or some input is newer than it (as make would judge it).
// Plain Node ESM with built-ins only: it runs before anything is built.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMain } from './is-main.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const MANIFEST = join('dist', '.vite', 'manifest.json');
/** Everything the client build reads: these, and the build's own plugins (scripts/vite-*). */
export const INPUTS = ['index.html', 'vite.config.ts', 'tsconfig.json', 'package-lock.json', 'src/client', 'src/shared', 'public'];

/** INPUTS plus the Vite plugins in scripts/, relative to root. */
export function inputsOf(root) {
  const scripts = join(root, 'scripts');
  const plugins = existsSync(scripts) ? readdirSync(scripts).filter((f) => f.startsWith('vite-')).map((f) => join('scripts', f)) : [];
  return [...INPUTS, ...plugins];
}

/** The newest modification time (ms) under a file or folder, 0 when it does not exist. */
export function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why a build is needed in `root`, or undefined when dist/ is up to date. */
export function staleReason(root) {
  const manifest = join(root, MANIFEST);
  if (!existsSync(manifest)) return 'no build yet';
  const built = statSync(manifest).mtimeMs;
  const changed = inputsOf(root).find((input) => newestMtime(join(root, input)) > built);
  return changed === undefined ? undefined : `${changed} changed since the last build`;
}

if (isMain(import.meta.url)) {
  const reason = staleReason(ROOT);
  if (reason !== undefined) {
    console.log(`mixscope: building the dashboard (${reason})…`);
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error('mixscope: the build failed (see above); fix it and run npm start again.');
      process.exit(result.status ?? 1);
    }
  }
}
