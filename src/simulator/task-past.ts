import type { TaskScript } from './sim-types.ts';
import { currentCycle, endOffset, taskStateAt, type TaskSnapshot } from './task-lifecycle.ts';

/** One moment the task's answer changed: from `at` on, GetPushMixedStreamToCDNTask said `snapshot`. */
export interface PastStep {
  at: number;
  snapshot: TaskSnapshot;
}

/**
 * Every offset (ms after StartTime) at which taskStateAt can change: the answer is constant
 * between them, because every rule in task-lifecycle.ts compares the offset with one of these.
 */
function breakpoints(script: TaskScript): number[] {
  const out = [0, script.startDelayMs];
  let edge = script.startDelayMs;
  for (const phase of [script.unknownMs, script.waitPublisherMs, script.connectMs, script.handshakeMs]) {
    edge += phase;
    out.push(edge);
  }
  for (const r of script.reconnects) out.push(r.atMs, r.atMs + r.durationMs, r.atMs + r.durationMs + script.handshakeMs);
  for (const r of script.revisions) out.push(r.atMs);
  const end = endOffset(script);
  if (end !== undefined) out.push(end);
  return out;
}

const sameAnswer = (a: TaskSnapshot, b: TaskSnapshot) =>
  a.status === b.status && a.pushState === b.pushState && a.stopReason === b.stopReason
  && a.endTime === b.endTime && a.sequenceNumber === b.sequenceNumber;

/**
 * The life of the task a query finds at `now`, as it went: each change of its Status, push state,
 * StopReason, EndTime or configuration, oldest first, from its StartTime up to `now` (or its end).
 * Pure and computed from the script alone, so it agrees with every answer the simulator gave.
 * A repeating script's past is its current cycle's: an earlier cycle was another task.
 */
export function taskPast(original: TaskScript, now: number): PastStep[] {
  const script = currentCycle(original, now);
  const rel = now - script.createdAt;
  if (rel < 0) return [];
  const offsets = [...new Set(breakpoints(script).filter((o) => o >= 0 && o <= rel))].sort((a, b) => a - b);
  const out: PastStep[] = [];
  for (const offset of offsets) {
    const snapshot = taskStateAt(script, script.createdAt + offset);
    const last = out[out.length - 1];
    if (snapshot === undefined || (last !== undefined && sameAnswer(last.snapshot, snapshot))) continue;
    out.push({ at: script.createdAt + offset, snapshot });
  }
  return out;
}
