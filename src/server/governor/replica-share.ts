/**
 * One upstream budget for several replicas, split by live membership. Every replica heartbeats a
 * row (id, last_seen in database time, the ids it counts); from the rows it reads back it takes
 * floor(QPS × margin / counted) calls per window. Pure and clock-free: replica-membership.ts feeds
 * it observations, tests feed it numbers.
 *
 * Why the sum never exceeds QPS, even while replicas come and go:
 * - Lowering is immediate: a replica counts a newcomer from the first read that shows its row.
 * - A newcomer takes nothing until every live established replica lists it in its row (so has
 *   lowered), then waits `holdMs` more: the calls those replicas granted under their old share
 *   can reach the wire until they end (at most the upstream timeout) and stay in a window one
 *   window longer.
 * - Raising is slow: a replica that stopped heartbeating is counted until `expiryMs + holdMs`
 *   after its last heartbeat, and a replica whose own heartbeat is older than `expiryMs` stops
 *   granting by itself, so its last calls have left every window before anyone takes its share.
 * - A row written before its replica read anything (`sees` empty: joining) lists everyone it read
 *   on its next heartbeat; replicas already holding a share do not wait for that.
 */

export interface ShareTimings {
  /** How often a replica writes its row and reads everyone's. */
  heartbeatMs: number;
  /** A row older than this (database time) belongs to a replica that stopped. */
  expiryMs: number;
  /** One window plus the longest a granted call can take to reach the wire (its timeout). */
  holdMs: number;
}

export interface ReplicaRow {
  id: string;
  /** Database time, Unix ms. */
  lastSeen: number;
  /** The ids this replica counted at its previous read; empty until it has read once. */
  sees: readonly string[];
}

/** One heartbeat round as this replica saw it. */
export interface Observation {
  /** Local clock when this round's write was sent: the row's last_seen is not earlier. */
  sentAt: number;
  /** Local clock when the read came back. */
  receivedAt: number;
  /** The database's clock at the read. */
  dbNow: number;
  rows: readonly ReplicaRow[];
}

export interface ShareState {
  self: string;
  /** Ids counted at the last observation (this replica included): what its next row lists; empty before the first. */
  counted: readonly string[];
  /** Local time from which the share may be used; undefined while not acknowledged. */
  usableFrom: number | undefined;
  /** Local time at which this replica's own heartbeat expires for the others. */
  validUntil: number;
}

export interface ShareOptions {
  qps: number;
  /** Share of QPS the replicas split (1: all of it; MIXSCOPE_QPS is already below the account's 60). */
  margin?: number;
  timings: ShareTimings;
}

export function initialShare(self: string): ShareState {
  return { self, counted: [], usableFrom: undefined, validUntil: -Infinity };
}

/** The rows to count: alive, or stopped so recently that their last calls may still be in a window. */
export function countedRows(rows: readonly ReplicaRow[], dbNow: number, timings: ShareTimings): ReplicaRow[] {
  return rows.filter((r) => dbNow - r.lastSeen < timings.expiryMs + timings.holdMs);
}

export function observe(state: ShareState, obs: Observation, timings: ShareTimings): ShareState {
  const counted = countedRows(obs.rows, obs.dbNow, timings);
  const others = counted.filter((r) => r.id !== state.self);
  const mine = obs.rows.find((r) => r.id === state.self);
  // Our write did not land (or was already expired): nobody counts us, so we hold no share.
  if (mine === undefined || obs.dbNow - mine.lastSeen >= timings.expiryMs) {
    return { ...state, counted: [state.self, ...others.map((r) => r.id)], usableFrom: undefined };
  }
  // Lost validity since the last round means the others may have dropped us: start over.
  const continuing = state.usableFrom !== undefined && obs.sentAt < state.validUntil;
  // A replica holding a share need not wait for a joining row: its replica read ours before
  // writing anything and counts us. One still taking its share waits for joiners too: a joiner
  // alone at its read may already be using the whole budget without counting us.
  const mustAck = others.filter((r) => obs.dbNow - r.lastSeen < timings.expiryMs && (!continuing || r.sees.length > 0));
  const acked = mustAck.every((r) => r.sees.includes(state.self));
  // An expiry judged on our own clock from when the write left: last_seen is no earlier than that.
  const validUntil = obs.sentAt + timings.expiryMs;
  const usableFrom = !acked ? undefined
    : continuing ? state.usableFrom
    : others.length === 0 ? obs.receivedAt : obs.receivedAt + timings.holdMs;
  return { self: state.self, counted: [state.self, ...others.map((r) => r.id)], usableFrom, validUntil };
}

/** Calls per window this replica may grant at local time `now`. */
export function shareCap(state: ShareState, now: number, options: ShareOptions): number {
  if (state.usableFrom === undefined || now < state.usableFrom || now >= state.validUntil) return 0;
  const n = state.counted.length;
  const split = Math.floor((options.qps * (options.margin ?? 1)) / n);
  // At least one call each, as long as that still fits the budget.
  return n <= options.qps ? Math.max(1, split) : split;
}

/**
 * Why this replica holds no share at `now`, in words for /readyz; undefined once it holds one. A
 * replica without a share answers every task query 503, so a load balancer should not send it any.
 */
export function shareWait(state: ShareState, now: number): string | undefined {
  if (state.counted.length === 0) return 'has not counted the replicas sharing the upstream budget yet (no heartbeat written)';
  if (state.usableFrom !== undefined && now >= state.usableFrom && now < state.validUntil) return undefined;
  if (state.validUntil !== -Infinity && now >= state.validUntil) return 'its heartbeat could not be written for too long, so it holds no share of the upstream budget until the database answers';
  const others = state.counted.length - 1;
  if (state.usableFrom === undefined) return `waiting for the other replicas (${others}) to count it before taking its share of the upstream budget`;
  return `waiting ${Math.ceil((state.usableFrom - now) / 1_000)} s more before taking its share of the upstream budget, until calls granted under the old shares have left the window`;
}
