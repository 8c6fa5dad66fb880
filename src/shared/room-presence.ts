/**
 * Who was in a room when, from Volcengine's UserJoinRoom / UserLeaveRoom callbacks. Callbacks may
 * come twice, late or out of order: the same EventId counts once and the events are replayed in
 * EventTime order, so any delivery order gives the same answer. Pure.
 */

export interface PresenceEvent {
  eventId: string;
  userId: string;
  kind: 'join' | 'leave';
  /** UserLeaveRoom's Reason as sent (e.g. `userLeave`, `connectionLost`). */
  reason?: string | null | undefined;
  /** Unix ms. */
  at: number;
}

export interface PresenceSpan {
  /** Null: the join was not reported (before the callbacks reached mixscope). */
  joinedAt: number | null;
  /** Null: still in the room as far as the callbacks say. */
  leftAt: number | null;
  reason: string | null;
}

export interface UserPresence {
  userId: string;
  /** Oldest first; only the last one can still be open. */
  spans: PresenceSpan[];
}

/** EventTime order; at the same instant a leave goes first (a reconnect is a leave, then a join). */
function replayOrder(a: PresenceEvent, b: PresenceEvent): number {
  if (a.at !== b.at) return a.at - b.at;
  if (a.kind !== b.kind) return a.kind === 'leave' ? -1 : 1;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

function apply(spans: PresenceSpan[], e: PresenceEvent): void {
  const last = spans[spans.length - 1];
  const open = last !== undefined && last.leftAt === null;
  if (e.kind === 'join') {
    // A second join while in the room says nothing new.
    if (!open) spans.push({ joinedAt: e.at, leftAt: null, reason: null });
    return;
  }
  if (open) {
    last.leftAt = e.at;
    last.reason = e.reason ?? null;
  } else if (last?.leftAt !== e.at) {
    // Left without a join we heard of: in the room since some time we do not know.
    spans.push({ joinedAt: null, leftAt: e.at, reason: e.reason ?? null });
  }
}

/** Each user's spans in the room, users by id. */
export function presenceByUser(events: readonly PresenceEvent[]): UserPresence[] {
  const byId = new Map<string, PresenceEvent>();
  for (const e of events) if (!byId.has(e.eventId)) byId.set(e.eventId, e);
  const byUser = new Map<string, PresenceSpan[]>();
  for (const e of [...byId.values()].sort(replayOrder)) {
    let spans = byUser.get(e.userId);
    if (spans === undefined) byUser.set(e.userId, (spans = []));
    apply(spans, e);
  }
  return [...byUser.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([userId, spans]) => ({ userId, spans }));
}

/**
 * The span the user left the room with, when at `at` they were out of it: they left strictly
 * before `at` and no join was reported between then and `at`. Undefined while they are in the
 * room, and when the callbacks say nothing about them up to `at`.
 */
export function absentAt(user: UserPresence, at: number): PresenceSpan | undefined {
  let gone: PresenceSpan | undefined;
  for (const s of user.spans) {
    if (s.joinedAt !== null && s.joinedAt > at) break;
    gone = s.leftAt !== null && s.leftAt < at ? s : undefined;
  }
  return gone;
}
