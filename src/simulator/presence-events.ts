import { usersOnlineIn } from './room-model.ts';
import { taskStateAt, type TaskSnapshot } from './task-lifecycle.ts';
import type { SimCallbackEvent } from './sim-types.ts';

/**
 * UserJoinRoom / UserLeaveRoom callbacks of each room, from the same model the room APIs answer
 * from (room-model.ts), so GetRoomOnlineUsers and the callbacks never disagree. Who is in a room
 * can only change at a task's start, update, end or at a user's departure: the room is looked at
 * each of those moments since the last look, and each event carries the moment it happened.
 */

export interface SeenRoom {
  /** Task time up to which the room's events were sent. */
  until: number;
  users: ReadonlySet<string>;
}

const roomKey = (s: TaskSnapshot) => `${s.script.key.appId}\u0000${s.script.key.roomId}`;

function momentsOf(s: TaskSnapshot): number[] {
  const { script } = s;
  return [
    s.startTime,
    ...script.revisions.map((r) => s.startTime + r.atMs),
    ...(script.departures ?? []).map((d) => s.startTime + d.atMs),
    ...(s.endTime > 0 ? [s.endTime] : []),
  ];
}

function usersAt(tasks: readonly TaskSnapshot[], t: number): Set<string> {
  const users = new Set<string>();
  for (const task of tasks) {
    const then = taskStateAt(task.script, t);
    if (then !== undefined) for (const u of usersOnlineIn(then, t)) users.add(u);
  }
  return users;
}

/** A documented Reason: the script's own for a departure at that moment, else the user left. */
function reasonOf(tasks: readonly TaskSnapshot[], userId: string, t: number): string {
  for (const task of tasks) {
    const d = (task.script.departures ?? []).find((x) => x.userId === userId && task.startTime + x.atMs === t);
    if (d) return d.reason;
  }
  return 'userLeave';
}

export function presenceEventsBetween(seen: ReadonlyMap<string, SeenRoom>, now: readonly TaskSnapshot[], t: number): { events: SimCallbackEvent[]; next: Map<string, SeenRoom> } {
  const rooms = new Map<string, TaskSnapshot[]>();
  for (const s of now) rooms.set(roomKey(s), [...(rooms.get(roomKey(s)) ?? []), s]);
  const events: SimCallbackEvent[] = [];
  const next = new Map<string, SeenRoom>();
  for (const [key, tasks] of rooms) {
    const first = tasks[0];
    if (first === undefined) continue;
    const { appId, roomId } = first.script.key;
    const before = seen.get(key);
    let users: ReadonlySet<string> = before?.users ?? new Set();
    const moments = [...new Set(tasks.flatMap(momentsOf))].filter((m) => m <= t && (before === undefined || m > before.until)).sort((a, b) => a - b);
    for (const at of moments) {
      const then = usersAt(tasks, at);
      for (const UserId of [...users].filter((u) => !then.has(u)).sort()) {
        events.push({ EventType: 'UserLeaveRoom', at, appId, data: { RoomId: roomId, UserId, DeviceType: 'web', Reason: reasonOf(tasks, UserId, at), Timestamp: at } });
      }
      for (const UserId of [...then].filter((u) => !users.has(u)).sort()) {
        events.push({ EventType: 'UserJoinRoom', at, appId, data: { RoomId: roomId, UserId, Timestamp: at } });
      }
      users = then;
    }
    next.set(key, { until: t, users });
  }
  return { events, next };
}
