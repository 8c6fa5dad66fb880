/**
 * The upstream QPS budget shared by interactive queries and the background watcher.
 *
 * A sliding one-second log rather than a token bucket: a bucket of capacity C refilled at C per
 * second lets 2C requests through in some one-second window (a full bucket, then a refill), which
 * would break Volcengine's hard 60 QPS. Here no window of `windowMs` ever sees more than `qps`
 * grants, and background polls stop at a lower ceiling so a person's query always finds room.
 */

export type BudgetPriority = 'interactive' | 'background';

export interface UpstreamBudget {
  /** Takes one request slot now, or answers false without waiting. */
  tryAcquire(priority: BudgetPriority): boolean;
  /** How long until `tryAcquire(priority)` could succeed; a hint for retry timers. */
  retryAfterMs?(priority: BudgetPriority): number;
}

export interface RequestBudgetOptions {
  /** MIXSCOPE_QPS: the most requests in any one-second window (Volcengine allows 60). */
  qps: number;
  now: () => number;
  /** Share of `qps` that background polling may use; the rest stays free for people. */
  backgroundShare?: number;
  windowMs?: number;
}

export interface RequestBudget extends UpstreamBudget {
  retryAfterMs(priority: BudgetPriority): number;
  /** Grants in the current window, for tests and metrics. */
  inWindow(): number;
}

export function createRequestBudget({ qps, now, backgroundShare = 0.8, windowMs = 1000 }: RequestBudgetOptions): RequestBudget {
  if (!Number.isInteger(qps) || qps < 1) throw new Error(`qps must be a whole number >= 1, got ${qps}`);
  const limits: Record<BudgetPriority, number> = {
    interactive: qps,
    // At least one slot each way, so a tiny MIXSCOPE_QPS still lets the watcher make progress.
    background: Math.max(1, Math.min(qps - 1, Math.floor(qps * backgroundShare))),
  };
  /** Grant times, oldest first; never longer than qps. */
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
      if (excess < 0) return 0;
      // The grant whose expiry brings the count below the limit.
      const freeing = grants[excess] ?? t;
      return Math.max(1, freeing + windowMs - t);
    },
    inWindow() {
      prune(now());
      return grants.length;
    },
  };
}
