#!/usr/bin/env node
// Bundle budget: the gzip size of the JavaScript a browser loads before the task page
// draws its layout: the entry chunk, the chunks that hold the /task route and the layout canvas,
// and everything those import statically, read from Vite's manifest (dist/.vite/manifest.json)
// and the chunks' source maps. Chunks loaded later (the timeline, panels, other routes) do not
// count. No browser needed, so `npm test` runs it; `npm run bench` also measures the same figure
// in Chromium as a cross-check. Prints the total of every chunk for information. Exits 1 above
// the budget, which comes from check-budgets.mjs.
// Usage: node scripts/check-bundle-budget.mjs [--dist dist] [--max-kb 200]
// (BUNDLE_BUDGET_KB overrides the budget too.) kB here = 1000 bytes, as Vite prints.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { budgetFor, judge } from './check-budgets.mjs';
import { isMain } from './is-main.mjs';

/** @typedef {import('./check-bundle-budget.d.mts').BundleMeasure} BundleMeasure */
/** @typedef {import('./check-bundle-budget.d.mts').Manifest} Manifest */

const BUDGET = budgetFor('js-before-layout');
export const DEFAULT_BUDGET_KB = BUDGET.limit ?? 200;
export const DEFAULT_DIST_DIR = 'dist';
/**
 * The modules /task needs before its layout is on the screen: the route, the layout section and
 * the preview that draws the layout's first picture (SVG) while the Konva canvas (layout-canvas.tsx)
 * loads. Whatever chunk holds each one counts, with its static imports, so making one of them
 * lazy does not hide it from the budget. The bench checks the list in Chromium: the JavaScript
 * loaded before the `layout-drawn` mark must come to the same figure.
 */
export const TASK_LAYOUT_MODULES = [
  'src/client/features/task/task-page.tsx',
  'src/client/features/layout/layout-section.tsx',
  'src/client/features/layout/layout-preview.tsx',
];

/**
 * Code that must load only on demand, never before the layout: the output player (mpegts.js,
 * imported when Play is pressed) and the layout editor with its edits, bodies and history
 * (imported when "Edit a copy" is pressed). The report names their chunks, and it fails if one is
 * in the first page.
 */
export const ON_DEMAND_MODULES = ['node_modules/mpegts.js/', 'src/client/features/layout/editor-view.tsx', 'src/shared/layout-edit/edit-'];

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

/** @param {string} path */
function measureFile(path, base = '') {
  const raw = readFileSync(path);
  return { file: base ? relative(base, path) : path, rawBytes: raw.length, gzipBytes: gzipSync(raw, { level: 9 }).length };
}

/** @param {{ file: string, rawBytes: number, gzipBytes: number }[]} files @returns {BundleMeasure} */
function summed(files) {
  const sorted = [...files].sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    files: sorted,
    totalGzipBytes: sorted.reduce((s, f) => s + f.gzipBytes, 0),
    totalRawBytes: sorted.reduce((s, f) => s + f.rawBytes, 0),
  };
}

/**
 * Gzip sizes of every JavaScript file under dir (source maps excluded), largest first.
 * @param {string} dir
 * @returns {BundleMeasure}
 */
export function measureBundle(dir) {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`${dir} does not exist: run the production build (npx vite build) first.`);
  }
  return summed(listFiles(dir).filter((p) => /\.(m?js|cjs)$/.test(p)).map((p) => measureFile(p, dir)));
}

/** @param {string} distDir @returns {Manifest} */
export function readManifest(distDir) {
  const path = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} does not exist: build with build.manifest on (npx vite build).`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/**
 * The chunk files (relative to distDir) loaded before the layout draws: the entries, the chunks
 * holding `modules` (found through their source maps), and their static imports, transitively,
 * with the scripts of the workers they start.
 * @param {Manifest} manifest
 * @param {(file: string) => readonly string[]} sourcesOf the sources listed in a chunk's map
 * @param {readonly string[]} modules
 * @returns {string[]}
 */
export function chunksBeforeLayout(manifest, sourcesOf, modules) {
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
  const jsChunks = Object.values(manifest).map((c) => c.file).filter((f) => /\.m?js$/.test(f));
  /** @type {string[]} */
  const roots = Object.entries(manifest).filter(([, c]) => c.isEntry).map(([key]) => key);
  for (const mod of modules) {
    const holders = jsChunks.filter((f) => sourcesOf(f).some((s) => s.endsWith(mod)));
    if (holders.length === 0) throw new Error(`No chunk holds ${mod}: was it renamed? Update TASK_LAYOUT_MODULES in scripts/check-bundle-budget.mjs.`);
    for (const f of holders) roots.push(byFile.get(f) ?? f);
  }
  /** @type {Set<string>} */
  const seen = new Set();
  const visit = (/** @type {string} */ key) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    // A worker a chunk starts (new Worker(new URL(...))) is an asset of it, fetched with it.
    for (const asset of chunk.assets ?? []) seen.add(asset);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  roots.forEach(visit);
  return [...seen].filter((f) => /\.m?js$/.test(f));
}

/**
 * @param {string} distDir
 * @param {readonly string[]} [modules]
 * @returns {BundleMeasure}
 */
export function measureBeforeLayout(distDir, modules = TASK_LAYOUT_MODULES) {
  const manifest = readManifest(distDir);
  const sourcesOf = (/** @type {string} */ file) => {
    try {
      return JSON.parse(readFileSync(join(distDir, `${file}.map`), 'utf8')).sources ?? [];
    } catch {
      return [];
    }
  };
  return summed(chunksBeforeLayout(manifest, sourcesOf, modules).map((f) => ({ ...measureFile(join(distDir, f)), file: f })));
}

/**
 * The chunks holding ON_DEMAND_MODULES, and whether each is among those loaded before the layout.
 * @param {string} distDir
 * @param {BundleMeasure} before
 * @returns {{ file: string, gzipBytes: number, inFirstPage: boolean }[]}
 */
export function onDemandChunks(distDir, before, modules = ON_DEMAND_MODULES) {
  const manifest = readManifest(distDir);
  const first = new Set(before.files.map((f) => f.file));
  return Object.values(manifest).map((c) => c.file).filter((f) => /\.m?js$/.test(f)).flatMap((file) => {
    /** @type {string[]} */
    let sources;
    try {
      sources = JSON.parse(readFileSync(join(distDir, `${file}.map`), 'utf8')).sources ?? [];
    } catch {
      sources = [];
    }
    if (!sources.some((s) => modules.some((m) => s.includes(m)))) return [];
    return [{ file, gzipBytes: measureFile(join(distDir, file)).gzipBytes, inFirstPage: first.has(file) }];
  });
}

/** @param {number} bytes */
export const kB = (bytes) => (bytes / 1000).toFixed(1);

/**
 * The report; its last line is the verdict (the test gate shows it).
 * @param {BundleMeasure} before the JavaScript loaded before the layout draws
 * @param {BundleMeasure} total every chunk
 * @param {number} budgetKb
 */
export function budgetReport(before, total, budgetKb) {
  const ok = before.files.length > 0 && judge({ ...BUDGET, limit: budgetKb }, before.totalGzipBytes / 1000) === 'within';
  const lines = ['JavaScript loaded before /task draws its layout (entry, route and canvas chunks, their static imports):'];
  lines.push(...before.files.map((f) => `  ${kB(f.gzipBytes).padStart(8)} kB gzip  ${kB(f.rawBytes).padStart(8)} kB raw  ${f.file}`));
  lines.push(`Every chunk together (information): ${kB(total.totalGzipBytes)} kB gzip (${kB(total.totalRawBytes)} kB raw) in ${total.files.length} file(s).`);
  const verdict = before.files.length === 0
    ? 'no JavaScript found: the build produced nothing to measure'
    : `${ok ? 'within' : 'OVER'} the budget of ${budgetKb} kB`;
  lines.push(`JavaScript before the /task layout draws: ${kB(before.totalGzipBytes)} kB gzip (${kB(before.totalRawBytes)} kB raw) in ${before.files.length} file(s): ${verdict}`);
  return { ok, text: lines.join('\n') };
}

/** @param {string[]} argv */
function parseArgs(argv) {
  let dist = DEFAULT_DIST_DIR;
  let budgetKb = Number(process.env.BUNDLE_BUDGET_KB || DEFAULT_BUDGET_KB);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dist') dist = argv[++i] ?? dist;
    else if (argv[i] === '--max-kb') budgetKb = Number(argv[++i]);
  }
  if (!Number.isFinite(budgetKb) || budgetKb <= 0) throw new Error('The budget (--max-kb or BUNDLE_BUDGET_KB) must be a positive number of kB.');
  return { dist, budgetKb };
}


if (isMain(import.meta.url)) {
  try {
    const { dist, budgetKb } = parseArgs(process.argv.slice(2));
    const before = measureBeforeLayout(dist);
    const { ok, text } = budgetReport(before, measureBundle(join(dist, 'assets')), budgetKb);
    const onDemand = onDemandChunks(dist, before);
    const misplaced = onDemand.filter((c) => c.inFirstPage);
    for (const c of onDemand) console.log(`${c.inFirstPage ? 'IN THE FIRST PAGE (must load on demand)' : 'Loaded on demand, outside the first page'}: ${c.file} ${kB(c.gzipBytes)} kB gzip`);
    console.log(text);
    process.exit(ok && misplaced.length === 0 ? 0 : 1);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
