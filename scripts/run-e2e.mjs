#!/usr/bin/env node
// `npm run test:e2e [-- playwright args]`: builds dist/ (skip with E2E_SKIP_BUILD=1), finds or
// installs a Chromium the way `npm test` does, then runs `playwright test` with the args given.
// Example: npm run test:e2e -- e2e/smoke.spec.ts --headed
import { spawnSync } from 'node:child_process';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './find-chromium.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const PATH = `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`;

/** @param {string} cmd @param {string[]} args @param {Record<string, string>} [env] */
function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env, PATH } });
  if (r.error) {
    console.error(`${cmd}: ${r.error.message}`);
    return 1;
  }
  return r.status ?? 1;
}

let chromium;
try {
  const found = ensureChromium();
  chromium = found.path;
  console.error(`Chromium (${found.source}): ${chromium}`);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}

if (process.env.E2E_SKIP_BUILD !== '1') {
  const code = run('vite', ['build']);
  if (code !== 0) {
    console.error('vite build failed: not running the end-to-end tests against a stale dist/.');
    process.exit(code);
  }
}

process.exit(run('playwright', ['test', ...process.argv.slice(2)], { MIXSCOPE_CHROMIUM: chromium }));
