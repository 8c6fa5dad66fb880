/**
 * The last events sent, so a browser that reconnects with Last-Event-ID gets what it missed.
 * Ids grow by one per event from a start each process draws at random (streamIdStart): behind a
 * load balancer a browser may reconnect to another replica, or to a restarted one, and an id that
 * process never issued must read as unknown rather than as a place in its own sequence.
 */
import { randomInt } from 'node:crypto';

/** A random first id, far from any other process's: 16 digits, inside the safe integers. */
export function streamIdStart(): number {
  return 1e15 + randomInt(0, 2 ** 47);
}

export interface RingEntry {
  id: number;
  kind: 'change' | 'callback';
  /** The task the event is about; null for a callback no task could be found for. */
  key: string | null;
  /** A callback's room (roomKey), when it names one. */
  room?: string | null;
  data: string;
}

export interface EventRing {
  push(entry: Omit<RingEntry, 'id'>): RingEntry;
  /** Entries after `lastId`, or 'reset' when some were already dropped or the id was never issued. */
  since(lastId: number): RingEntry[] | 'reset';
  /** Whether this ring ever gave out the id (it may have dropped it since). */
  issued(id: number): boolean;
  latestId(): number;
}

export function createEventRing(capacity: number, firstId: number): EventRing {
  const entries: RingEntry[] = [];
  let next = firstId;
  // Everything at or below `floor` is gone (or came before this server).
  let floor = firstId - 1;
  return {
    push(entry) {
      const full = { ...entry, id: next++ };
      entries.push(full);
      if (entries.length > capacity) floor = entries.shift()?.id ?? floor;
      return full;
    },
    since(lastId) {
      if (!Number.isSafeInteger(lastId) || lastId < floor || lastId >= next) return 'reset';
      return entries.filter((e) => e.id > lastId);
    },
    issued: (id) => Number.isSafeInteger(id) && id >= firstId && id < next,
    latestId: () => next - 1,
  };
}
