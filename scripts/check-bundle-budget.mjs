#!/usr/bin/env node
// Bundle budget: the gzip size of all JavaScript the production build ships (dist/assets),
// compared with a budget. Prints the figure either way; exits 1 above the budget.
// Usage: node scripts/check-bundle-budget.mjs [--dir dist/assets] [--max-kb 400]
// (BUNDLE_BUDGET_KB overrides the default budget too.) kB here = 1000 bytes, as Vite prints.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const DEFAULT_BUDGET_KB = 400;
export const DEFAULT_ASSETS_DIR = 'dist/assets';

/** @param {string} dir @returns {string[]} */
function listFiles(dir) {
  /** @type {string[]} */
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p));
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

/**
 * Gzip sizes of the JavaScript files under dir (source maps excluded), largest first.
 * @param {string} dir
 * @returns {import('./check-bundle-budget.d.mts').BundleMeasure}
 */
export function measureBundle(dir) {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`${dir} does not exist: run the production build (npx vite build) first.`);
  }
  const files = listFiles(dir)
    .filter((p) => /\.(m?js|cjs)$/.test(p))
    .map((p) => {
      const raw = readFileSync(p);
      return { file: relative(dir, p), rawBytes: raw.length, gzipBytes: gzipSync(raw, { level: 9 }).length };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    files,
    totalGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
    totalRawBytes: files.reduce((s, f) => s + f.rawBytes, 0),
  };
}

/** @param {number} bytes */
export const kB = (bytes) => (bytes / 1000).toFixed(1);

/**
 * @param {import('./check-bundle-budget.d.mts').BundleMeasure} m
 * @param {number} budgetKb
 */
export function budgetReport(m, budgetKb) {
  const ok = m.files.length > 0 && m.totalGzipBytes <= budgetKb * 1000;
  const lines = m.files.map((f) => `  ${kB(f.gzipBytes).padStart(8)} kB gzip  ${kB(f.rawBytes).padStart(8)} kB raw  ${f.file}`);
  const verdict = m.files.length === 0
    ? 'no JavaScript found: the build produced nothing to measure'
    : `${ok ? 'within' : 'OVER'} the budget of ${budgetKb} kB`;
  lines.push(`JavaScript total: ${kB(m.totalGzipBytes)} kB gzip (${kB(m.totalRawBytes)} kB raw) in ${m.files.length} file(s): ${verdict}`);
  return { ok, text: lines.join('\n') };
}

/** @param {string[]} argv */
function parseArgs(argv) {
  let dir = DEFAULT_ASSETS_DIR;
  let budgetKb = Number(process.env.BUNDLE_BUDGET_KB || DEFAULT_BUDGET_KB);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dir') dir = argv[++i] ?? dir;
    else if (argv[i] === '--max-kb') budgetKb = Number(argv[++i]);
  }
  if (!Number.isFinite(budgetKb) || budgetKb <= 0) throw new Error('The budget (--max-kb or BUNDLE_BUDGET_KB) must be a positive number of kB.');
  return { dir, budgetKb };
}

function isMain() {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  try {
    const { dir, budgetKb } = parseArgs(process.argv.slice(2));
    const { ok, text } = budgetReport(measureBundle(dir), budgetKb);
    console.log(text);
    process.exit(ok ? 0 : 1);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
