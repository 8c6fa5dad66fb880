import type { StopReason } from '../shared/volc-enums.ts';
import type { SimTaskBody, TaskScript } from './sim-types.ts';
import { bodyAt } from './task-body-merge.ts';

/** What GetPushMixedStreamToCDNTask reports about a task at one simulated instant. */
export interface TaskSnapshot {
  script: TaskScript;
  status: number;
  pushState: number;
  stopReason: StopReason | '';
  startTime: number;
  /** 0 while the task has not ended, as documented. */
  endTime: number;
  body: SimTaskBody;
  sequenceNumber: number;
}

export const STATUS = { notStarted: 1, running: 2, ended: 3, failed: 4 } as const;

/**
 * A repeating script (a 24/7 channel restarted daily by its backend) seen at time t is the
 * current cycle's task: same TaskId, StartTime at the cycle start. Everything else is unchanged.
 */
export function currentCycle(script: TaskScript, t: number): TaskScript {
  const every = script.repeatEveryMs;
  if (every === undefined || every <= 0 || t < script.createdAt) return script;
  const cycles = Math.floor((t - script.createdAt) / every);
  if (cycles === 0) return script;
  const { repeatEveryMs: _dropped, ...rest } = script;
  return { ...rest, createdAt: script.createdAt + cycles * every };
}

/** Milliseconds after StartTime at which the task ends, or undefined while it has no end. */
export function endOffset(script: TaskScript): number | undefined {
  return script.ending.kind === 'none' ? undefined : script.ending.atMs;
}

/**
 * The push state of a running task, rel ms after StartTime. Documented meaning: 0 state not
 * obtained yet, 1 not pushing yet, 2 first connection to the CDN, 3 reconnecting, 4 connected
 * and starting to push, 5 pushing.
 */
export function pushStateAt(script: TaskScript, rel: number): number {
  const run = rel - script.startDelayMs;
  const phases: Array<[number, number]> = [
    [script.unknownMs, 0],
    [script.waitPublisherMs, 1],
    [script.connectMs, 2],
    [script.handshakeMs, 4],
  ];
  let edge = 0;
  for (const [duration, state] of phases) {
    edge += duration;
    if (run < edge) return state;
  }
  for (const r of script.reconnects) {
    if (rel >= r.atMs && rel < r.atMs + r.durationMs) return 3;
    if (rel >= r.atMs + r.durationMs && rel < r.atMs + r.durationMs + script.handshakeMs) return 4;
  }
  return 5;
}

/**
 * The task as the API reports it at simulated time t, computed from its script alone (no timers,
 * no hidden state), so the same script and time always give the same answer. Undefined when the
 * task does not exist yet. The 72-hour query window is the caller's business.
 */
export function taskStateAt(original: TaskScript, t: number): TaskSnapshot | undefined {
  const script = currentCycle(original, t);
  const rel = t - script.createdAt;
  if (rel < 0) return undefined;
  const end = endOffset(script);
  const ended = end !== undefined && rel >= end;
  // Updates stop applying once the task has ended.
  const { body, sequenceNumber } = bodyAt(script.body, script.revisions, ended && end !== undefined ? end : rel);
  const base = { script, body, sequenceNumber, startTime: script.createdAt };
  if (ended && script.ending.kind === 'stop') {
    return { ...base, status: STATUS.ended, pushState: 6, stopReason: script.ending.reason, endTime: script.createdAt + script.ending.atMs };
  }
  if (ended && script.ending.kind === 'fail') {
    return { ...base, status: STATUS.failed, pushState: 0, stopReason: 'StartTaskFailed', endTime: script.createdAt + script.ending.atMs };
  }
  if (rel < script.startDelayMs) {
    // "status 为其他值时，PushStreamState 均为0"
    return { ...base, status: STATUS.notStarted, pushState: 0, stopReason: '', endTime: 0 };
  }
  return { ...base, status: STATUS.running, pushState: pushStateAt(script, rel), stopReason: '', endTime: 0 };
}

/** Whether the task can still be updated or stopped at time t. */
export function isActive(snapshot: TaskSnapshot): boolean {
  return snapshot.status === STATUS.notStarted || snapshot.status === STATUS.running;
}
