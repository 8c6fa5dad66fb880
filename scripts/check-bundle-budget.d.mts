// Types for check-bundle-budget.mjs (plain Node ESM, run by the test gate).

export interface BundleFile {
  /** Path relative to the measured folder. */
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface BundleMeasure {
  /** Largest gzip size first. */
  files: BundleFile[];
  totalGzipBytes: number;
  totalRawBytes: number;
}

export const DEFAULT_BUDGET_KB: number;
export const DEFAULT_ASSETS_DIR: string;
export function measureBundle(dir: string): BundleMeasure;
export function kB(bytes: number): string;
export function budgetReport(measure: BundleMeasure, budgetKb: number): { ok: boolean; text: string };
