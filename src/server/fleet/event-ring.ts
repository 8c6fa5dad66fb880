/**
 * The last events sent, so a browser that reconnects with Last-Event-ID gets what it missed.
 * Ids grow by one per event and start at the boot time in ms: a restarted server's ids are above
 * any id of the one before, so an id it never issued is told apart from a recent one.
 */

export interface RingEntry {
  id: number;
  kind: 'change' | 'callback';
  /** The task the event is about; null for a callback no task could be found for. */
  key: string | null;
  data: string;
}

export interface EventRing {
  push(entry: Omit<RingEntry, 'id'>): RingEntry;
  /** Entries after `lastId`, or 'reset' when some were already dropped or the id was never issued. */
  since(lastId: number): RingEntry[] | 'reset';
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
    latestId: () => next - 1,
  };
}
