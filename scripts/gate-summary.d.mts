// Types for gate-summary.mjs (plain Node ESM, so that the gate runs before anything is built).

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

export interface StepOutcome {
  name: string;
  /** passed: exit 0 (and its report read, for a test step); skipped: not run, counts nothing. */
  status: 'passed' | 'failed' | 'skipped';
  durationMs: number;
  /** Test counts read from the runner's report, for test steps. */
  counts?: Counts;
  /** Why it failed or was skipped, or a figure worth showing (e.g. the bundle size). */
  note?: string;
}

export const REPORTS: { unit: string; e2e: string };

export function countVitest(report: unknown): Counts;
export function countPlaywright(report: unknown): Counts;
export function stepCounts(step: StepOutcome): Counts;
export function totalCounts(steps: StepOutcome[]): Counts;
export function formatSummary(counts: Counts): string;
export function exitCodeFor(counts: Counts): 0 | 1;
export function formatDuration(ms: number): string;
export function formatStepTable(steps: StepOutcome[]): string;
