import type { BudgetPriority, UpstreamBudget } from './watcher.ts';

/**
 * A budget for watcher tests that run without a governor: at most `qps` grants in any window,
 * background ones stopping at 80 % of it so a person's query always finds room (as the governor's
 * admission does in the server).
 */
export interface TestBudget extends UpstreamBudget {
  retryAfterMs(priority: BudgetPriority): number;
}

export function createTestBudget({ qps, now, windowMs = 1000 }: { qps: number; now: () => number; windowMs?: number }): TestBudget {
  const limits: Record<BudgetPriority, number> = { interactive: qps, background: Math.max(1, Math.min(qps - 1, Math.floor(qps * 0.8))) };
  const grants: number[] = [];
  const prune = (t: number) => {
    while (grants.length > 0 && (grants[0] ?? t) <= t - windowMs) grants.shift();
  };
  return {
    tryAcquire(priority) {
      const t = now();
      prune(t);
      if (grants.length >= limits[priority]) return false;
      grants.push(t);
      return true;
    },
    retryAfterMs(priority) {
      const t = now();
      prune(t);
      const excess = grants.length - limits[priority];
      return excess < 0 ? 0 : Math.max(1, (grants[excess] ?? t) + windowMs - t);
    },
  };
}
