import type { HistoryResponse, Observation } from '../../../shared/history-api.ts';

/**
 * Polling the history asks only for what is new: rows still true at or after the newest row's
 * start (that row may have been extended since) and anything later. This folds such an answer
 * into the rows already held, keeping at most `limit` (the oldest go, and the baseline follows).
 */

/** Where the next incremental read starts, or undefined when a full read is needed. */
export function incrementFrom(prev: HistoryResponse | undefined): number | undefined {
  return prev?.observations.at(-1)?.observedAt;
}

const byTime = (a: Observation, b: Observation) => a.observedAt - b.observedAt || a.id - b.id;

export function mergeHistory(prev: HistoryResponse, next: HistoryResponse, limit: number): HistoryResponse {
  const fresh = new Map(next.observations.map((o) => [o.id, o]));
  const kept = prev.observations.filter((o) => !fresh.has(o.id));
  const all = [...kept, ...next.observations].sort(byTime);
  const dropped = Math.max(0, all.length - limit);
  let baseline = prev.baseline;
  for (let i = dropped - 1; i >= 0; i--) {
    const o = all[i];
    if (o?.kind === 'change') {
      baseline = o;
      break;
    }
  }
  return {
    ...next,
    observations: dropped > 0 ? all.slice(dropped) : all,
    baseline,
    truncated: prev.truncated || dropped > 0,
  };
}
