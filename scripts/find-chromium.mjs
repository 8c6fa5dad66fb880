#!/usr/bin/env node
// Finds a Chromium for the end-to-end tests, in the order PRODUCT.md promises:
//   1. CHROMIUM_PATH (must exist and be executable; a bad value is an error, never skipped)
//   2. Debian's /usr/bin/chromium
//   3. Playwright's own bundled Chromium, when it has been downloaded
//   4. as root on Debian only: apt-get install chromium, then /usr/bin/chromium
// Plain Node ESM: the test gate runs this before anything is built or type-checked.
// As a CLI it prints the path on stdout (everything else goes to stderr).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isMain } from './is-main.mjs';

export const ENV_VAR = 'CHROMIUM_PATH';
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
/** apt-get update and apt-get install each get this long before they are stopped. */
export const APT_TIMEOUT_MS = 10 * 60 * 1000;

export const HOW_TO_GET_ONE = [
  'No Chromium found for the end-to-end tests. Either:',
  `  - set ${ENV_VAR} to a Chromium or Chrome executable, e.g. ${ENV_VAR}=/path/to/chromium npm test`,
  '  - on Debian or Ubuntu: sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium',
  '    (npm test does this by itself when it runs as root on Debian)',
  '  - where browser downloads are allowed: npx playwright install chromium',
].join('\n');

/** @param {string} path */
export function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Playwright's bundled Chromium path (whether or not it was downloaded), or undefined. */
export function playwrightBundledPath() {
  try {
    const require = createRequire(import.meta.url);
    /** @type {{ chromium: { executablePath(): string } }} */
    const pw = require('@playwright/test');
    return pw.chromium.executablePath() || undefined;
  } catch {
    return undefined;
  }
}

/** @returns {import('./find-chromium.d.mts').ChromiumProbe} */
export function systemProbe() {
  return {
    env: process.env,
    exists: existsSync,
    isExecutable: isExecutableFile,
    bundledPath: playwrightBundledPath,
    isRoot: () => process.getuid?.() === 0,
    isDebian: () => existsSync('/etc/debian_version'),
  };
}

/**
 * Resolution without installing anything. Throws when CHROMIUM_PATH is set but unusable;
 * returns undefined when nothing was found.
 * @param {Partial<import('./find-chromium.d.mts').ChromiumProbe>} [probe]
 * @returns {import('./find-chromium.d.mts').ChromiumFound | undefined}
 */
export function resolveChromium(probe = {}) {
  const p = { ...systemProbe(), ...probe };
  const fromEnv = p.env[ENV_VAR];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!p.exists(fromEnv)) {
      throw new Error(`${ENV_VAR} is set to "${fromEnv}", but nothing exists there. Point ${ENV_VAR} at a Chromium executable or unset it.`);
    }
    if (!p.isExecutable(fromEnv)) {
      throw new Error(`${ENV_VAR} is set to "${fromEnv}", but that is not an executable file. Point ${ENV_VAR} at a Chromium executable or unset it.`);
    }
    return { path: fromEnv, source: 'env' };
  }
  if (p.isExecutable(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: 'system' };
  const bundled = p.bundledPath();
  if (bundled && p.isExecutable(bundled)) return { path: bundled, source: 'playwright' };
  return undefined;
}

/** The same as resolveChromium, but throws the how-to message when nothing was found. */
export function resolveChromiumOrThrow(/** @type {Partial<import('./find-chromium.d.mts').ChromiumProbe>} */ probe = {}) {
  const found = resolveChromium(probe);
  if (!found) throw new Error(HOW_TO_GET_ONE);
  return found;
}

/**
 * Runs a command with its output streamed to our stderr, bounded in time.
 * @param {string} cmd
 * @param {string[]} args
 */
function runStreaming(cmd, args) {
  process.stderr.write(`$ ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, {
    stdio: ['ignore', 2, 2],
    timeout: APT_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.error) {
    const why = /** @type {NodeJS.ErrnoException} */ (r.error).code === 'ETIMEDOUT' ? `timed out after ${APT_TIMEOUT_MS / 1000} s` : r.error.message;
    throw new Error(`${cmd} ${args.join(' ')} failed: ${why}`);
  }
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

/** Debian's chromium package, installed with apt-get (root only). */
export function aptInstallChromium() {
  runStreaming('apt-get', ['update']);
  runStreaming('apt-get', ['-o', 'DPkg::Lock::Timeout=120', 'install', '-y', '--no-install-recommends', 'chromium']);
}

/**
 * Finds a Chromium, installing Debian's package when running as root on Debian and none is found.
 * @param {Partial<import('./find-chromium.d.mts').ChromiumProbe> & { install?: () => void, log?: (line: string) => void }} [probe]
 * @returns {import('./find-chromium.d.mts').ChromiumFound}
 */
export function ensureChromium(probe = {}) {
  const p = { ...systemProbe(), install: aptInstallChromium, log: (/** @type {string} */ l) => process.stderr.write(`${l}\n`), ...probe };
  const found = resolveChromium(p);
  if (found) return found;
  if (!(p.isRoot() && p.isDebian())) throw new Error(HOW_TO_GET_ONE);
  p.log('No Chromium found; installing Debian\'s chromium package with apt-get (running as root on Debian).');
  p.install();
  if (!p.isExecutable(DEBIAN_CHROMIUM)) {
    throw new Error(`apt-get install chromium finished, but ${DEBIAN_CHROMIUM} is still missing.\n${HOW_TO_GET_ONE}`);
  }
  return { path: DEBIAN_CHROMIUM, source: 'apt' };
}


if (isMain(import.meta.url)) {
  try {
    const noInstall = process.argv.includes('--no-install');
    const found = noInstall ? resolveChromiumOrThrow() : ensureChromium();
    process.stderr.write(`Chromium (${found.source}): ${found.path}\n`);
    process.stdout.write(`${found.path}\n`);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
