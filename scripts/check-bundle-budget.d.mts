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

/** The slice of Vite's build manifest the budget reads. */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  /** Files the chunk refers to by URL: a worker's script among them. */
  assets?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export const DEFAULT_BUDGET_KB: number;
export const DEFAULT_DIST_DIR: string;
export const TASK_LAYOUT_MODULES: readonly string[];
export function measureBundle(dir: string): BundleMeasure;
export function readManifest(distDir: string): Manifest;
export function chunksBeforeLayout(manifest: Manifest, sourcesOf: (file: string) => readonly string[], modules: readonly string[]): string[];
export function measureBeforeLayout(distDir: string, modules?: readonly string[]): BundleMeasure;
export function kB(bytes: number): string;
export function budgetReport(before: BundleMeasure, total: BundleMeasure, budgetKb: number): { ok: boolean; text: string };
export const ON_DEMAND_MODULES: string[];
export function onDemandChunks(distDir: string, before: BundleMeasure, modules?: readonly string[]): { file: string; gzipBytes: number; inFirstPage: boolean }[];
