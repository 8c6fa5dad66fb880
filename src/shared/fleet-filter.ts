import { ATTENTION, type Attention } from './history-api.ts';
import type { FleetQuery, FleetResponse, FleetSort, FleetTask } from './fleet-api.ts';

/** Filters, counters and sorts of GET /api/tasks: pure, so the browser's live updates can agree. */

export function matchesText(task: FleetTask, q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (needle === '') return true;
  const { roomId, taskId, userId } = task.ref;
  return [roomId, taskId, userId].some((id) => id !== undefined && id.toLowerCase().includes(needle));
}

/** Every filter except the state one. */
export function matchesScope(task: FleetTask, query: Omit<FleetQuery, 'state' | 'sort'>): boolean {
  if (query.appId !== undefined && task.ref.appId !== query.appId) return false;
  if (query.roomId !== undefined && task.ref.roomId !== query.roomId) return false;
  if (query.stopReason !== undefined && task.stopReason !== query.stopReason) return false;
  return query.q === undefined || matchesText(task, query.q);
}

const desc = (a: number | null, b: number | null) => (b ?? -Infinity) - (a ?? -Infinity);

const ORDER: Record<FleetSort, (a: FleetTask, b: FleetTask) => number> = {
  // Most urgent first; within a group the newest first, so a fresh failure is on top.
  attention: (a, b) => a.needsAttention - b.needsAttention || desc(a.startTime ?? a.addedAt, b.startTime ?? b.addedAt),
  started: (a, b) => desc(a.startTime, b.startTime),
  ended: (a, b) => desc(a.endTime, b.endTime),
  lastObserved: (a, b) => desc(a.lastObservedAt, b.lastObservedAt),
  reconnects: (a, b) => b.reconnects - a.reconnects || desc(a.lastReconnectAt, b.lastReconnectAt),
  warnings: (a, b) => desc(a.warnings, b.warnings),
  room: (a, b) => a.ref.roomId.localeCompare(b.ref.roomId),
};

export function sortFleet(tasks: readonly FleetTask[], sort: FleetSort = 'attention'): FleetTask[] {
  return [...tasks].sort((a, b) => ORDER[sort](a, b) || a.key.localeCompare(b.key));
}

export function countStates(tasks: readonly FleetTask[]): Record<Attention, number> {
  const counts = Object.fromEntries(ATTENTION.map((a) => [a, 0])) as Record<Attention, number>;
  for (const t of tasks) counts[t.attention] += 1;
  return counts;
}

export function fleetAnswer(all: readonly FleetTask[], query: FleetQuery, now: number): FleetResponse {
  const scoped = all.filter((t) => matchesScope(t, query));
  const states = query.state;
  const shown = states === undefined || states.length === 0 ? scoped : scoped.filter((t) => states.includes(t.attention));
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))].sort();
  return {
    now,
    tasks: sortFleet(shown, query.sort),
    counts: countStates(scoped),
    total: all.length,
    appIds: distinct(all.map((t) => t.ref.appId)),
    stopReasons: distinct(all.map((t) => t.stopReason)),
  };
}
