import { roomKey, type FleetChange, type FleetEventName } from '../../shared/fleet-api.ts';
import type { Logger } from '../logger.ts';
import { AppIdNotAllowedError } from '../security/app-id-allow-list.ts';
import type { EventBus } from './event-bus.ts';
import { createEventRing, type RingEntry } from './event-ring.ts';
import type { FleetSource } from './fleet-source.ts';

/**
 * The server side of GET /api/events: hears the bus, turns each change into one fleet row (read
 * once, however many tabs listen), keeps the recent ones for Last-Event-ID, and hands each open
 * stream the events for what that tab shows.
 */

export interface StreamMessage {
  event: FleetEventName;
  id: string;
  data: string;
}

export interface StreamFilter {
  fleet: boolean;
  keys: ReadonlySet<string>;
  /** Rooms (roomKey) whose callbacks the tab wants: presence names a room, not a task. */
  rooms?: ReadonlySet<string>;
}

export type OpenResult =
  | { ok: true; replay: StreamMessage[]; close(): void }
  | { ok: false; reason: 'client-cap' | 'total-cap' };

export interface EventHub {
  /** Opens one stream; `lastEventId` replays what it missed (or one `reset`). */
  open(client: string, filter: StreamFilter, send: (message: StreamMessage) => void, opts?: { lastEventId?: number | undefined; end?: () => void }): OpenResult;
  /** Open streams: all, or one client's. */
  streams(client?: string): number;
  /** Resolves once every change heard so far was turned into events (tests). */
  settled(): Promise<void>;
  /** Ends every stream (a graceful stop: browsers reconnect to another replica or later). */
  stop(): void;
}

export interface EventHubOptions {
  bus: EventBus;
  source: Pick<FleetSource, 'row'>;
  logger: Logger;
  /** The first event id: the boot time in ms. */
  firstId: number;
  ringSize?: number;
  maxPerClient?: number;
  maxTotal?: number;
}

export const DEFAULT_RING_SIZE = 2_000;
/** A person with a few tabs open; more from one address is a runaway script. */
export const DEFAULT_MAX_PER_CLIENT = 16;
export const DEFAULT_MAX_TOTAL = 1_000;

interface OpenStream {
  client: string;
  filter: StreamFilter;
  send: (message: StreamMessage) => void;
  end: () => void;
}

function messagesFor(entry: RingEntry, filter: StreamFilter): StreamMessage[] {
  const id = String(entry.id);
  const shows = entry.key !== null && filter.keys.has(entry.key);
  const inRoom = entry.room != null && filter.rooms?.has(entry.room) === true;
  if (entry.kind === 'callback') return filter.fleet || shows || inRoom ? [{ event: 'callback', id, data: entry.data }] : [];
  const out: StreamMessage[] = [];
  if (filter.fleet) out.push({ event: 'fleet', id, data: entry.data });
  if (shows) out.push({ event: 'task', id, data: entry.data });
  return out;
}

export function createEventHub(options: EventHubOptions): EventHub {
  const { bus, source, logger } = options;
  const maxPerClient = options.maxPerClient ?? DEFAULT_MAX_PER_CLIENT;
  const maxTotal = options.maxTotal ?? DEFAULT_MAX_TOTAL;
  const ring = createEventRing(options.ringSize ?? DEFAULT_RING_SIZE, options.firstId);
  const open = new Set<OpenStream>();
  // Keys changed since the last flush: a burst of writes to one task becomes one read and one event.
  const dirty = new Set<string>();
  let flushing: Promise<void> = Promise.resolve();
  let scheduled = false;

  const deliver = (entry: RingEntry) => {
    for (const stream of open) {
      for (const message of messagesFor(entry, stream.filter)) {
        try {
          stream.send(message);
        } catch (err) {
          logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'an event stream refused a message');
        }
      }
    }
  };

  async function flush(): Promise<void> {
    scheduled = false;
    const keys = [...dirty];
    dirty.clear();
    for (const key of keys) {
      let task;
      try {
        task = (await source.row(key)) ?? null;
      } catch (err) {
        // Not this server's AppId: nobody here may see it.
        if (err instanceof AppIdNotAllowedError) continue;
        logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not read a changed task for the event streams');
        continue;
      }
      deliver(ring.push({ kind: 'change', key, data: JSON.stringify({ key, task } satisfies FleetChange) }));
    }
  }

  const unsubscribe = bus.subscribe((message) => {
    if (message.type === 'callback') {
      const { notice } = message;
      const room = notice.roomId === null ? null : roomKey(notice.appId, notice.roomId);
      deliver(ring.push({ kind: 'callback', key: notice.key, room, data: JSON.stringify(notice) }));
      return;
    }
    dirty.add(message.key);
    if (scheduled) return;
    scheduled = true;
    flushing = flushing.then(flush);
  });

  return {
    open(client, filter, send, { lastEventId, end = () => undefined } = {}) {
      if (open.size >= maxTotal) return { ok: false, reason: 'total-cap' };
      if ([...open].filter((s) => s.client === client).length >= maxPerClient) return { ok: false, reason: 'client-cap' };
      const stream: OpenStream = { client, filter, send, end };
      let replay: StreamMessage[] = [];
      if (lastEventId !== undefined) {
        const missed = ring.since(lastEventId);
        replay = missed === 'reset'
          ? [{ event: 'reset', id: String(ring.latestId()), data: JSON.stringify({ reason: ring.issued(lastEventId) ? 'too-old' : 'unknown-id' }) }]
          : missed.flatMap((entry) => messagesFor(entry, filter));
      }
      open.add(stream);
      return { ok: true, replay, close: () => void open.delete(stream) };
    },
    streams: (client) => (client === undefined ? open.size : [...open].filter((s) => s.client === client).length),
    settled: async () => {
      while (scheduled || dirty.size > 0) await flushing;
      await flushing;
    },
    stop() {
      unsubscribe();
      const ending = [...open];
      open.clear();
      for (const stream of ending) stream.end();
    },
  };
}
