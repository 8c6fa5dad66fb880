import type { TaskSnapshot } from './task-lifecycle.ts';
import { STATUS } from './task-lifecycle.ts';

/**
 * The callbacks a task's life produces, found by comparing what each task looked like at the last
 * look with what it looks like now: pure, so the same two looks always give the same events.
 * Transcode* for the task, UserJoinRoom / UserLeaveRoom for the users its layout names.
 */

export interface SimCallbackEvent {
  EventType: string;
  /** Simulated Unix ms of the change. */
  at: number;
  appId: string;
  data: Record<string, unknown>;
}

export interface SeenTask {
  status: number;
  pushState: number;
  sequenceNumber: number;
}

export const taskKeyOf = (s: TaskSnapshot) => `${s.script.key.appId}|${s.script.key.roomId}|${s.script.key.taskId}|${s.startTime}`;

function usersOf(s: TaskSnapshot): string[] {
  const ids = [...(s.body.TargetStreams?.StreamList ?? []).map((x) => x.UserId), s.body.Layout?.MainVideoStream?.UserId];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
}

export function eventsBetween(seen: ReadonlyMap<string, SeenTask>, now: readonly TaskSnapshot[], at: number): { events: SimCallbackEvent[]; next: Map<string, SeenTask> } {
  const events: SimCallbackEvent[] = [];
  const next = new Map<string, SeenTask>();
  for (const s of now) {
    const key = taskKeyOf(s);
    const { appId, roomId, taskId } = s.script.key;
    const before = seen.get(key);
    const current = { status: s.status, pushState: s.pushState, sequenceNumber: s.sequenceNumber };
    next.set(key, current);
    const task = (EventType: string, extra: Record<string, unknown> = {}) =>
      events.push({ EventType, at, appId, data: { AppId: appId, RoomId: roomId, TaskId: taskId, ...extra } });
    const presence = (EventType: string, extra: Record<string, unknown>) => {
      for (const UserId of usersOf(s)) events.push({ EventType, at, appId, data: { RoomId: roomId, UserId, DeviceType: 'web', Timestamp: at, ...extra } });
    };
    const ended = s.status === STATUS.ended || s.status === STATUS.failed;
    if (before === undefined) {
      presence('UserJoinRoom', {});
      task('TranscodeStarted', { Status: s.status });
      if (ended) {
        task('TranscodeStopped', { Status: s.status, StopReason: s.stopReason });
        presence('UserLeaveRoom', { Reason: 'userLeave' });
      }
      continue;
    }
    if (current.sequenceNumber !== before.sequenceNumber && !ended) task('TranscodeUpdated', { SequenceNumber: current.sequenceNumber });
    if (current.status !== before.status || current.pushState !== before.pushState) {
      if (ended) {
        task('TranscodeStopped', { Status: s.status, StopReason: s.stopReason });
        presence('UserLeaveRoom', { Reason: 'userLeave' });
      } else {
        task('TranscodeStateChanged', { Status: s.status, PushStreamState: s.pushState });
      }
    }
  }
  return { events, next };
}
