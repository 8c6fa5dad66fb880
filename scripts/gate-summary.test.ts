import { describe, expect, it } from 'vitest';
import {
  countPlaywright, countVitest, exitCodeFor, formatDuration, formatStepTable, formatSummary, stepCounts,
  totalCounts,
} from './gate-summary.mjs';
import type { StepOutcome } from './gate-summary.mjs';

const vitestReport = (over: Record<string, unknown> = {}) => ({
  numFailedTests: 0, numPassedTests: 0, numPendingTests: 0, numTodoTests: 0, testResults: [], ...over,
});

describe('countVitest', () => {
  it('reads passed, failed and pending + todo as skipped', () => {
    expect(countVitest(vitestReport({ numPassedTests: 40, numFailedTests: 2, numPendingTests: 3, numTodoTests: 1 })))
      .toEqual({ passed: 40, failed: 2, skipped: 4 });
  });

  it('counts a test file that failed with no failed test in it (did not load) as one failure', () => {
    const report = vitestReport({
      numPassedTests: 5,
      testResults: [
        { status: 'failed', message: 'SyntaxError', assertionResults: [] },
        { status: 'passed', assertionResults: [{ status: 'passed' }] },
      ],
    });
    expect(countVitest(report)).toEqual({ passed: 5, failed: 1, skipped: 0 });
  });

  it('does not count a file twice when its failure is a failed test', () => {
    const report = vitestReport({
      numFailedTests: 1,
      testResults: [{ status: 'failed', assertionResults: [{ status: 'failed' }, { status: 'passed' }] }],
    });
    expect(countVitest(report).failed).toBe(1);
  });

  it('treats garbage as zero', () => {
    expect(countVitest(null)).toEqual({ passed: 0, failed: 0, skipped: 0 });
    expect(countVitest({ numPassedTests: '3', numFailedTests: -1 })).toEqual({ passed: 0, failed: 0, skipped: 0 });
  });
});

describe('countPlaywright', () => {
  it('maps expected/flaky to passed, unexpected to failed, skipped to skipped', () => {
    const report = { stats: { expected: 7, unexpected: 1, flaky: 1, skipped: 2 }, errors: [] };
    expect(countPlaywright(report)).toEqual({ passed: 8, failed: 1, skipped: 2 });
  });

  it('counts each error outside a test (e.g. webServer did not start) as a failure', () => {
    const report = { stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, errors: [{ message: 'webServer' }] };
    expect(countPlaywright(report)).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });
});

describe('stepCounts', () => {
  const step = (s: Partial<StepOutcome>): StepOutcome => ({ name: 'x', status: 'passed', durationMs: 1, ...s });

  it('a failed step without tests (typecheck, lint, build, budget) adds exactly one failure', () => {
    expect(stepCounts(step({ status: 'failed' }))).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });

  it('a failed runner whose report shows no failure still adds one', () => {
    expect(stepCounts(step({ status: 'failed', counts: { passed: 3, failed: 0, skipped: 0 } })))
      .toEqual({ passed: 3, failed: 1, skipped: 0 });
  });

  it('a failed runner with failed tests adds just those', () => {
    expect(stepCounts(step({ status: 'failed', counts: { passed: 3, failed: 2, skipped: 1 } })))
      .toEqual({ passed: 3, failed: 2, skipped: 1 });
  });

  it('a passed step without tests adds nothing', () => {
    expect(stepCounts(step({}))).toEqual({ passed: 0, failed: 0, skipped: 0 });
  });
});

describe('totalCounts, formatSummary and exitCodeFor', () => {
  const steps: StepOutcome[] = [
    { name: 'typecheck', status: 'failed', durationMs: 2300 },
    { name: 'lint', status: 'passed', durationMs: 1000 },
    { name: 'unit', status: 'passed', durationMs: 4000, counts: { passed: 120, failed: 0, skipped: 2 } },
    { name: 'build', status: 'passed', durationMs: 900 },
    { name: 'bundle budget', status: 'skipped', durationMs: 0, note: 'not found' },
    { name: 'e2e', status: 'failed', durationMs: 30_000, counts: { passed: 9, failed: 1, skipped: 0 } },
  ];

  it('sums both runners and adds one per failed non-test step', () => {
    expect(totalCounts(steps)).toEqual({ passed: 129, failed: 2, skipped: 2 });
    expect(formatSummary(totalCounts(steps))).toBe('129 passed, 2 failed, 2 skipped');
  });

  it('leaves out skipped when nothing was skipped', () => {
    expect(formatSummary({ passed: 12, failed: 0, skipped: 0 })).toBe('12 passed, 0 failed');
  });

  it('the closing line has the plain shape the CI harness reads', () => {
    expect(formatSummary(totalCounts(steps))).toMatch(/^\d+ passed, \d+ failed(, \d+ skipped)?$/);
  });

  it('exits 0 only when something passed and nothing failed', () => {
    expect(exitCodeFor({ passed: 12, failed: 0, skipped: 0 })).toBe(0);
    expect(exitCodeFor({ passed: 12, failed: 1, skipped: 0 })).toBe(1);
    expect(exitCodeFor({ passed: 0, failed: 0, skipped: 3 })).toBe(1);
  });
});

describe('formatDuration and formatStepTable', () => {
  it('shows seconds with one decimal, minutes past 60 s', () => {
    expect(formatDuration(2345)).toBe('2.3 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
  });

  it('lists every step with its status and time', () => {
    const table = formatStepTable([
      { name: 'typecheck', status: 'passed', durationMs: 2300 },
      { name: 'e2e', status: 'skipped', durationMs: 0, note: 'the build failed' },
      { name: 'lint', status: 'failed', durationMs: 1000 },
    ]).split('\n');
    expect(table).toHaveLength(3);
    expect(table[0]).toMatch(/typecheck\s+ok\s+2\.3 s$/);
    expect(table[1]).toMatch(/e2e\s+skipped\s+the build failed$/);
    expect(table[2]).toMatch(/lint\s+FAILED\s+1\.0 s$/);
  });
});
