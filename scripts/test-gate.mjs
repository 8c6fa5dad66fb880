#!/usr/bin/env node
// `npm test`: the whole gate, in order: typecheck, lint, import cycles, unit tests, production build, bundle
// budget, end-to-end tests in a real Chromium. A failed step does not stop the steps after it
// (except that e2e needs a fresh build), so one run shows everything. The last line printed is
// `N passed, N failed[, N skipped]`, summing Vitest and Playwright; a failed step that is not a
// test runner counts as one failure. Exits 1 on any failure, and when no test ran at all.
// Plain Node ESM with built-ins only: it has to run before anything is type-checked or built.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './find-chromium.mjs';
import { URL_VAR as PG_URL_VAR, startTestPostgres } from './postgres-for-tests.mjs';
import {
  REPORTS, countPlaywright, countVitest, exitCodeFor, formatDuration, formatStepTable, formatSummary,
  stepCounts, totalCounts,
} from './gate-summary.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const BIN = join(ROOT, 'node_modules', '.bin');
const MIN = 60_000;

/** @typedef {import('./gate-summary.d.mts').StepOutcome} StepOutcome */

/**
 * Runs a command in the repo root with node_modules/.bin on PATH, output streamed through.
 * With `capture`, stdout is also kept (its last non-empty line is returned).
 * A command still running after timeoutMs gets SIGINT (Playwright and Vitest clean up on it),
 * then SIGKILL 20 s later.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ env?: Record<string, string>, timeoutMs: number, capture?: boolean }} opts
 * @returns {Promise<{ code: number | null, timedOut: boolean, lastLine: string, error?: string }>}
 */
function run(cmd, args, opts) {
  return new Promise((resolve) => {
    const env = { ...process.env, ...opts.env, PATH: `${BIN}${delimiter}${process.env.PATH ?? ''}` };
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', opts.capture ? 'pipe' : 'inherit', 'inherit'] });
    let out = '';
    child.stdout?.on('data', (chunk) => {
      process.stdout.write(chunk);
      out += String(chunk);
    });
    let timedOut = false;
    /** @type {NodeJS.Timeout | undefined} */
    let killer;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\n!! ${cmd} still running after ${formatDuration(opts.timeoutMs)}: stopping it.`);
      child.kill('SIGINT');
      killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    }, opts.timeoutMs);
    const finish = (/** @type {number | null} */ code, /** @type {string | undefined} */ error) => {
      clearTimeout(timer);
      clearTimeout(killer);
      const lastLine = out.trim().split('\n').pop() ?? '';
      resolve(error === undefined ? { code, timedOut, lastLine } : { code, timedOut, lastLine, error });
    };
    child.on('error', (e) => finish(null, e.message));
    child.on('close', (code) => finish(code));
  });
}

/** @param {string} path @returns {unknown} */
function readJson(path) {
  try {
    return JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
  } catch {
    return undefined;
  }
}

/** @param {Awaited<ReturnType<typeof run>>} r */
function failureNote(r) {
  if (r.error) return `could not start: ${r.error}`;
  if (r.timedOut) return 'timed out';
  return `exit code ${r.code}`;
}

/** @type {StepOutcome[]} */
const steps = [];
const TOTAL_STEPS = 8;

/**
 * Prints a heading, runs body, prints how it went and records the outcome.
 * @param {string} name
 * @param {string} what
 * @param {() => Promise<Omit<StepOutcome, 'name' | 'durationMs'>>} body
 */
async function step(name, what, body) {
  console.log(`\n==> [${steps.length + 1}/${TOTAL_STEPS}] ${name}: ${what}`);
  const t0 = performance.now();
  let outcome;
  try {
    outcome = await body();
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    outcome = { status: /** @type {const} */ ('failed'), note: 'error in the gate itself' };
  }
  const durationMs = performance.now() - t0;
  const result = { name, durationMs, ...outcome };
  steps.push(result);
  const counts = result.counts ? ` (${formatSummary(stepCounts(result))})` : '';
  const note = result.note ? `: ${result.note}` : '';
  console.log(`<== ${name} ${result.status} in ${formatDuration(durationMs)}${counts}${note}`);
  return result;
}

/** @param {string} name */
function skip(name, /** @type {string} */ note) {
  console.log(`\n==> [${steps.length + 1}/${TOTAL_STEPS}] ${name}: skipped (${note})`);
  steps.push({ name, status: 'skipped', durationMs: 0, note });
}

/**
 * A command step whose only result is its exit code.
 * @param {string} name
 * @param {string} cmd
 * @param {string[]} args
 * @param {number} timeoutMs
 */
function commandStep(name, cmd, args, timeoutMs) {
  return step(name, [cmd, ...args].join(' '), async () => {
    const r = await run(cmd, args, { timeoutMs });
    return r.code === 0 ? { status: 'passed' } : { status: 'failed', note: failureNote(r) };
  });
}

/**
 * A test-runner step: its counts come from the JSON report it writes to reportPath.
 * @param {Awaited<ReturnType<typeof run>>} r
 * @param {string} reportPath
 * @param {(report: unknown) => import('./gate-summary.d.mts').Counts} count
 * @returns {Omit<StepOutcome, 'name' | 'durationMs'>}
 */
function testOutcome(r, reportPath, count) {
  const report = readJson(reportPath);
  if (report === undefined) {
    return { status: 'failed', note: `no report at ${reportPath} (${failureNote(r)})` };
  }
  const counts = count(report);
  if (r.code !== 0) return { status: 'failed', counts, note: failureNote(r) };
  if (counts.failed > 0) return { status: 'failed', counts, note: 'exit code 0 but the report has failures' };
  return { status: 'passed', counts };
}

const gateStart = performance.now();
mkdirSync(join(ROOT, 'test-results'), { recursive: true });

await commandStep('typecheck', 'tsc', ['-p', 'tsconfig.json', '--noEmit'], 10 * MIN);
await commandStep('lint', 'eslint', ['.'], 10 * MIN);
// Import cycles (type-only imports excluded, see .madgerc): none may come back.
await commandStep('cycles', 'madge', ['--circular', '--extensions', 'ts,tsx', '--ts-config', 'tsconfig.json', 'src'], 5 * MIN);

// Production dependencies: a high or critical advisory fails; an unreachable advisory database
// (some registries answer 405; exit 3) marks the step skipped with the reason, never passed.
await step('audit', 'node scripts/audit-prod.mjs', async () => {
  const r = await run(process.execPath, [join('scripts', 'audit-prod.mjs')], { timeoutMs: 3 * MIN, capture: true });
  if (r.code === 0) return { status: 'passed', note: r.lastLine };
  if (r.code === 3) return { status: 'skipped', note: r.lastLine };
  return { status: 'failed', note: r.lastLine || failureNote(r) };
});

const vitestArgs = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS.unit}`];
await step('unit', `vitest ${vitestArgs.join(' ')}`, async () => {
  rmSync(join(ROOT, REPORTS.unit), { force: true });
  // The store and watcher suites also run on a real PostgreSQL: a throwaway server started here
  // (or the one MIXSCOPE_TEST_DATABASE_URL already names). Without one they skip that half, and
  // in CI they fail, so a missing PostgreSQL is never silently untested.
  /** @type {{ url: string, stop: () => void } | undefined} */
  let pgServer;
  const given = process.env[PG_URL_VAR];
  if (!given) {
    try {
      pgServer = await startTestPostgres();
    } catch (e) {
      console.error(`No PostgreSQL for the unit tests: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const url = given || pgServer?.url;
  try {
    const r = await run('vitest', vitestArgs, { timeoutMs: 20 * MIN, ...(url ? { env: { [PG_URL_VAR]: url } } : {}) });
    return testOutcome(r, REPORTS.unit, countVitest);
  } finally {
    pgServer?.stop();
  }
});

const build = await commandStep('build', 'vite', ['build'], 10 * MIN);

const budgetScript = join('scripts', 'check-bundle-budget.mjs');
if (!existsSync(join(ROOT, budgetScript))) skip('bundle budget', `${budgetScript} not found`);
else if (build.status !== 'passed') skip('bundle budget', 'the build failed');
else {
  await step('bundle budget', `node ${budgetScript}`, async () => {
    const r = await run(process.execPath, [budgetScript], { timeoutMs: 5 * MIN, capture: true });
    return r.code === 0 ? { status: 'passed', note: r.lastLine } : { status: 'failed', note: r.lastLine || failureNote(r) };
  });
}

if (build.status !== 'passed') skip('e2e', 'the build failed, so there is no fresh dist/ to serve');
else {
  await step('e2e', 'playwright test', async () => {
    /** @type {string} */
    let chromium;
    try {
      const found = ensureChromium();
      chromium = found.path;
      console.log(`Chromium (${found.source}): ${chromium}`);
    } catch (e) {
      console.error(e instanceof Error ? e.message : String(e));
      return { status: 'failed', note: 'no Chromium' };
    }
    rmSync(join(ROOT, REPORTS.e2e), { force: true });
    const r = await run('playwright', ['test'], { env: { MIXSCOPE_CHROMIUM: chromium }, timeoutMs: 45 * MIN });
    return testOutcome(r, REPORTS.e2e, countPlaywright);
  });
}

const total = totalCounts(steps);
const byRunner = steps
  .filter((s) => s.counts)
  .map((s) => `${s.name} ${formatSummary(stepCounts(s))}`)
  .join('; ');
console.log(`\n==> gate summary (${formatDuration(performance.now() - gateStart)})`);
console.log(formatStepTable(steps));
if (byRunner) console.log(`tests: ${byRunner}`);
const failedSteps = steps.filter((s) => s.status === 'failed').map((s) => s.name);
if (failedSteps.length > 0) console.log(`FAILED: ${failedSteps.join(', ')}`);
if (total.passed === 0) console.log('No test passed: a gate that ran no test does not pass.');
console.log(formatSummary(total));
process.exitCode = exitCodeFor(total);
