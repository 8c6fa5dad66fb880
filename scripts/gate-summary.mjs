// Pure helpers of the test gate: turn runner reports and step outcomes into the closing line
// `N passed, N failed[, N skipped]` and an exit code. No I/O here; see gate-summary.test.ts.

/** @typedef {import('./gate-summary.d.mts').Counts} Counts */
/** @typedef {import('./gate-summary.d.mts').StepOutcome} StepOutcome */

/** Where the runners write the JSON reports the gate reads (playwright.config.ts uses E2E too). */
export const REPORTS = {
  unit: 'test-results/unit-results.json',
  e2e: 'test-results/e2e-results.json',
};

/** @param {unknown} v */
const num = (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);

/** @param {unknown} v @returns {Record<string, unknown>} */
const obj = (v) => (v !== null && typeof v === 'object' ? /** @type {Record<string, unknown>} */ (v) : {});

/**
 * Counts from Vitest's JSON report. A test file that failed without any failed test in it
 * (it did not load, or threw outside a test) counts as one failure.
 * @param {unknown} report
 * @returns {Counts}
 */
export function countVitest(report) {
  const r = obj(report);
  let failed = num(r.numFailedTests);
  const files = Array.isArray(r.testResults) ? r.testResults : [];
  for (const f of files) {
    const file = obj(f);
    if (file.status !== 'failed') continue;
    const tests = Array.isArray(file.assertionResults) ? file.assertionResults : [];
    if (!tests.some((t) => obj(t).status === 'failed')) failed += 1;
  }
  return {
    passed: num(r.numPassedTests),
    failed,
    skipped: num(r.numPendingTests) + num(r.numTodoTests),
  };
}

/**
 * Counts from Playwright's JSON report. Flaky tests (passed on a retry) count as passed;
 * errors outside any test (webServer did not start, a spec did not load) count one each.
 * @param {unknown} report
 * @returns {Counts}
 */
export function countPlaywright(report) {
  const r = obj(report);
  const stats = obj(r.stats);
  const errors = Array.isArray(r.errors) ? r.errors.length : 0;
  return {
    passed: num(stats.expected) + num(stats.flaky),
    failed: num(stats.unexpected) + errors,
    skipped: num(stats.skipped),
  };
}

/**
 * Counts one gate step adds to the total. A test step's counts come from its report; any step
 * that failed (non-zero exit, timeout, missing report) without a failed test to show for it
 * adds one failure, so a broken runner or a failed typecheck never goes unnoticed.
 * @param {StepOutcome} step
 * @returns {Counts}
 */
export function stepCounts(step) {
  const c = step.counts ?? { passed: 0, failed: 0, skipped: 0 };
  const failed = step.status !== 'failed' || c.failed > 0 ? c.failed : 1;
  return { passed: c.passed, failed, skipped: c.skipped };
}

/**
 * @param {StepOutcome[]} steps
 * @returns {Counts}
 */
export function totalCounts(steps) {
  const t = { passed: 0, failed: 0, skipped: 0 };
  for (const s of steps) {
    if (s.status === 'skipped') continue;
    const c = stepCounts(s);
    t.passed += c.passed;
    t.failed += c.failed;
    t.skipped += c.skipped;
  }
  return t;
}

/** @param {Counts} c */
export function formatSummary(c) {
  const line = `${c.passed} passed, ${c.failed} failed`;
  return c.skipped > 0 ? `${line}, ${c.skipped} skipped` : line;
}

/**
 * 0 only when nothing failed and at least one test passed.
 * @param {Counts} c
 */
export function exitCodeFor(c) {
  return c.failed === 0 && c.passed > 0 ? 0 : 1;
}

/** @param {number} ms */
export function formatDuration(ms) {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/**
 * The step table printed before the closing line.
 * @param {StepOutcome[]} steps
 */
export function formatStepTable(steps) {
  const width = Math.max(...steps.map((s) => s.name.length), 4);
  return steps
    .map((s) => {
      const status = s.status === 'failed' ? 'FAILED' : s.status === 'passed' ? 'ok' : 'skipped';
      const time = s.status === 'skipped' ? '' : formatDuration(s.durationMs);
      const note = s.note ? `  ${s.note}` : '';
      return `  ${s.name.padEnd(width)}  ${status.padEnd(7)}  ${time.padStart(10)}${note}`;
    })
    .join('\n');
}
