import type { ChangeField, Continuity, GapError, ObservationKind } from '../../shared/history-api.ts';
import { changedFields, type Snapshot } from './fingerprint.ts';

/**
 * Decides how one upstream answer enters the history: it extends the last row when nothing
 * changed, or becomes a new row. Pure, so the rules are tested without a database.
 */

export interface CompressionPolicy {
  /**
   * The longest silence between two answers that still counts as "watched continuously". Longer
   * than the slowest poll interval with jitter, so steady polling never looks like a gap.
   */
  continuityMs: number;
  /**
   * A row covers at most this long; then a fresh `confirm` row starts. Keeps one RequestId per
   * stretch for support, and keeps time-range reads cheap on a task that sat still for days.
   */
  confirmEveryMs: number;
}

export const DEFAULT_COMPRESSION: CompressionPolicy = { continuityMs: 60_000, confirmEveryMs: 5 * 60_000 };

/** The facts about an existing row that the decision needs. */
export interface RowHead {
  id: number;
  kind: ObservationKind;
  observedAt: number;
  confirmedUntil: number;
  snapshot: Snapshot | null;
  error: GapError | null;
}

export type Incoming =
  | { ok: true; at: number; snapshot: Snapshot }
  | { ok: false; at: number; error: GapError };

export type RecordPlan =
  | { action: 'extend'; id: number; confirmedUntil: number }
  | { action: 'insert'; kind: ObservationKind; continuity: Continuity; changed: ChangeField[]; withPayload: boolean };

export function continuityOf(last: RowHead | undefined, at: number, policy: CompressionPolicy): Continuity {
  if (last === undefined) return 'first';
  return at - last.confirmedUntil <= policy.continuityMs ? 'continuous' : 'resumed';
}

const sameError = (a: GapError | null, b: GapError) => a !== null && a.kind === b.kind && a.code === b.code;

/**
 * @param last the task's newest row of any kind
 * @param lastKnown the newest row that holds a state (not a gap): what "changed" is measured against
 */
export function planRecord(
  last: RowHead | undefined,
  lastKnown: RowHead | undefined,
  incoming: Incoming,
  policy: CompressionPolicy = DEFAULT_COMPRESSION,
): RecordPlan {
  const continuity = continuityOf(last, incoming.at, policy);
  const canExtend = last !== undefined && continuity === 'continuous' && incoming.at - last.observedAt < policy.confirmEveryMs;

  if (!incoming.ok) {
    if (canExtend && last.kind === 'gap' && sameError(last.error, incoming.error)) {
      return { action: 'extend', id: last.id, confirmedUntil: Math.max(last.confirmedUntil, incoming.at) };
    }
    return { action: 'insert', kind: 'gap', continuity, changed: [], withPayload: false };
  }

  const known = lastKnown?.snapshot ?? null;
  if (known === null) {
    return { action: 'insert', kind: 'change', continuity, changed: [], withPayload: true };
  }
  if (known.fingerprints.task !== incoming.snapshot.fingerprints.task) {
    return { action: 'insert', kind: 'change', continuity, changed: changedFields(known, incoming.snapshot), withPayload: true };
  }
  // Same state as last known. After a gap or a silence this is a new row: the timeline must show
  // that the state was seen again, not that it held throughout.
  if (canExtend && last.kind !== 'gap') {
    return { action: 'extend', id: last.id, confirmedUntil: Math.max(last.confirmedUntil, incoming.at) };
  }
  return { action: 'insert', kind: 'confirm', continuity, changed: [], withPayload: false };
}
