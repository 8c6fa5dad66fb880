import { presenceEventsBetween, type SeenRoom } from './presence-events.ts';
import type { TaskSnapshot } from './task-lifecycle.ts';
import { STATUS, taskStateAt } from './task-lifecycle.ts';
import type { SimCallbackEvent } from './sim-types.ts';

/**
 * The callbacks a task's life produces, found by comparing what each task looked like at the last
 * look with what it looks like now: pure, so the same two looks always give the same events.
 * Transcode* for the task, UserJoinRoom / UserLeaveRoom for its room's users (presence-events.ts).
 * Each event carries the moment the change happened (EventTime is when it happened, not when it
 * was delivered): a task found already running reports its start at its StartTime.
 */

export type { SimCallbackEvent } from './sim-types.ts';

export interface SeenTask {
  status: number;
  pushState: number;
  sequenceNumber: number;
  /** Task time of the look. */
  at: number;
}

export interface SeenWorld {
  tasks: ReadonlyMap<string, SeenTask>;
  rooms: ReadonlyMap<string, SeenRoom>;
}

export const NOTHING_SEEN: SeenWorld = { tasks: new Map(), rooms: new Map() };

export const taskKeyOf = (s: TaskSnapshot) => `${s.script.key.appId}|${s.script.key.roomId}|${s.script.key.taskId}|${s.startTime}`;

/** When the state seen at `to` began, between two looks: the task's script gives it to the ms. */
function stateSince(s: TaskSnapshot, from: number, to: number): number {
  const same = (t: number) => {
    const then = taskStateAt(s.script, t);
    return then !== undefined && then.status === s.status && then.pushState === s.pushState;
  };
  let lo = Math.max(from, s.startTime - 1);
  let hi = to;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (same(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** When the revision that set the current SequenceNumber applied, else the look. */
function updatedAt(s: TaskSnapshot, at: number): number {
  const r = s.script.revisions.find((x) => x.sequenceNumber === s.sequenceNumber);
  return r === undefined ? at : Math.min(at, s.startTime + r.atMs);
}

export function eventsBetween(seen: SeenWorld, now: readonly TaskSnapshot[], at: number): { events: SimCallbackEvent[]; next: SeenWorld } {
  const events: SimCallbackEvent[] = [];
  const tasks = new Map<string, SeenTask>();
  for (const s of now) {
    const key = taskKeyOf(s);
    const { appId, roomId, taskId } = s.script.key;
    const before = seen.tasks.get(key);
    const current = { status: s.status, pushState: s.pushState, sequenceNumber: s.sequenceNumber, at };
    tasks.set(key, current);
    const task = (EventType: string, when: number, extra: Record<string, unknown> = {}) =>
      events.push({ EventType, at: when, appId, data: { AppId: appId, RoomId: roomId, TaskId: taskId, ...extra } });
    const ended = s.status === STATUS.ended || s.status === STATUS.failed;
    const stopped = () => task('TranscodeStopped', s.endTime > 0 ? s.endTime : at, { Status: s.status, StopReason: s.stopReason });
    if (before === undefined) {
      task('TranscodeStarted', s.startTime, { Status: s.status });
      if (ended) stopped();
      continue;
    }
    if (current.sequenceNumber !== before.sequenceNumber && !ended) task('TranscodeUpdated', updatedAt(s, at), { SequenceNumber: current.sequenceNumber });
    if (current.status !== before.status || current.pushState !== before.pushState) {
      if (ended) stopped();
      else task('TranscodeStateChanged', stateSince(s, before.at, at), { Status: s.status, PushStreamState: s.pushState });
    }
  }
  const presence = presenceEventsBetween(seen.rooms, now, at);
  const all = [...events, ...presence.events].sort((a, b) => a.at - b.at);
  return { events: all, next: { tasks, rooms: presence.next } };
}
