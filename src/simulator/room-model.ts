import { isActive, taskStateAt, type TaskSnapshot } from './task-lifecycle.ts';
import type { TaskScript } from './sim-types.ts';

/**
 * The rooms the room APIs report, derived from the scenarios' tasks: a user is in a room while a
 * task of that room that names them (its streams, its main stream, or the client who started it)
 * is active, unless the script says they left; a room lives from its first task's start until
 * its last user is gone.
 */

export interface SimRoom {
  appId: string;
  roomId: string;
  callId: string;
  createdAt: number;
  /** 0 while users are still in the room. */
  destroyedAt: number;
  users: string[];
}

function namedUsers(s: TaskSnapshot): string[] {
  const ids = [s.script.userId, ...(s.body.TargetStreams?.StreamList ?? []).map((x) => x.UserId), s.body.Layout?.MainVideoStream?.UserId];
  return ids.filter((id): id is string => typeof id === 'string' && id !== '');
}

/** Users the task's script has leave the room by t. */
export function usersAway(s: TaskSnapshot, t: number): string[] {
  return (s.script.departures ?? []).filter((d) => s.startTime + d.atMs <= t).map((d) => d.userId);
}

/** Users of one task still in the room at t: those the task names, minus those who left. */
export function usersOnlineIn(s: TaskSnapshot, t: number): string[] {
  if (!isActive(s)) return [];
  const gone = new Set(usersAway(s, t));
  return namedUsers(s).filter((id) => !gone.has(id));
}

/** When a finished task's users left: its end time, or its start for one that never ran. */
const leftAt = (s: TaskSnapshot) => (s.endTime > 0 ? s.endTime : s.startTime);

export function roomsAt(scripts: readonly TaskScript[], t: number): SimRoom[] {
  const byRoom = new Map<string, TaskSnapshot[]>();
  for (const script of scripts) {
    const s = taskStateAt(script, t);
    if (s === undefined) continue;
    const key = `${script.key.appId}\u0000${script.key.roomId}`;
    byRoom.set(key, [...(byRoom.get(key) ?? []), s]);
  }
  const rooms: SimRoom[] = [];
  for (const snapshots of byRoom.values()) {
    const first = snapshots[0];
    if (first === undefined) continue;
    const { appId, roomId } = first.script.key;
    const users = [...new Set(snapshots.flatMap((s) => usersOnlineIn(s, t)))].sort();
    const createdAt = Math.min(...snapshots.map((s) => s.startTime));
    const destroyedAt = users.length > 0 ? 0 : Math.max(...snapshots.map(leftAt));
    rooms.push({ appId, roomId, callId: `call-${roomId}-${createdAt.toString(36)}`, createdAt, destroyedAt, users });
  }
  return rooms.sort((a, b) => a.createdAt - b.createdAt || a.roomId.localeCompare(b.roomId));
}
