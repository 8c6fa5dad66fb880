// Types for check-budgets.mjs (plain Node ESM, run by the bench and by the test gate's bundle check).

export interface Budget {
  id: string;
  /** What is measured, in words. */
  figure: string;
  unit: string;
  /** How the value must compare with the limit; no limit means information only. */
  op?: '<=' | '<' | '>=';
  limit?: number;
}

export type Verdict = 'within' | 'OVER' | 'missing' | 'info';

export const BUDGETS: readonly Budget[];
export function budgetFor(id: string): Budget;
export function budgetText(b: Budget): string;
export function judge(b: Budget, value: number | undefined): Verdict;
export function formatValue(value: number | undefined): string;
export function budgetTable(figures: Record<string, { value: number } | undefined>): { text: string; failed: string[] };
