import { taskIdentityKey, type TaskRef } from '../../shared/task-ref.ts';
import { CallbackNoticeSchema, FleetChangeSchema, MAX_STREAM_KEYS, fleetPaths, roomKey, type CallbackNotice, type FleetChange } from '../../shared/fleet-api.ts';

/**
 * The tab's one connection to GET /api/events. Every view that wants pushed changes subscribes
 * here with what it shows (the fleet, some task keys); the tab keeps one EventSource for all of
 * them together and reopens it, resuming from the last event id, when that set changes. The
 * browser reconnects a cut stream by itself (sending Last-Event-ID); a stream the server refused
 * (429, a bad key) is reopened here after a pause. Views poll while the state is not 'open'.
 */

export type StreamState = 'connecting' | 'open' | 'cut';

export interface StreamSubscriber {
  /** Every task of the fleet. */
  fleet?: boolean;
  /** Task keys (taskIdentityKey) of the tasks this view shows. */
  keys?: readonly string[];
  /** Rooms (roomKey) whose callbacks this view wants: presence names a room, not a task. */
  rooms?: readonly string[];
  /** A row changed (`fleet` for fleet subscribers, `task` for the keys named). */
  onChange?(change: FleetChange): void;
  /** Volcengine reported an event about the fleet or a task named. */
  onCallback?(notice: CallbackNotice): void;
  /** Something may have been missed (a reset, an unreadable event, a cut healed): read afresh. */
  onStale?(): void;
}

/** The part of EventSource used here, so tests can drive it. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((ev: Event) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
  addEventListener(type: string, listener: (ev: MessageEvent<string>) => void): void;
  close(): void;
}

export interface EventStreamOptions {
  open: (url: string) => EventSourceLike;
  /** Runs the reconcile after this turn's subscriptions settle (one reopen for a page change). */
  defer?: (run: () => void) => void;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface EventStream {
  subscribe(subscriber: StreamSubscriber): () => void;
  state(): StreamState;
  /** Told of every change of state(); returns the unsubscribe (for useSyncExternalStore). */
  watchState(listener: () => void): () => void;
}

const CLOSED = 2;
/** After the server refused a stream: wait, then try again, longer each time. */
export const REOPEN_MS = [3_000, 10_000, 30_000, 60_000] as const;

export interface StreamTopic {
  fleet: boolean;
  keys: string[];
  rooms: string[];
}

/** What the tab's stream must carry: the fleet if anyone wants it, else the union of keys (sorted, at most the server's cap). */
export function mergeTopics(subscribers: Iterable<Pick<StreamSubscriber, 'fleet' | 'keys' | 'rooms'>>): StreamTopic | undefined {
  let fleet = false;
  const keys = new Set<string>();
  const rooms = new Set<string>();
  let any = false;
  for (const s of subscribers) {
    any = true;
    if (s.fleet === true) fleet = true;
    for (const k of s.keys ?? []) keys.add(k);
    for (const r of s.rooms ?? []) rooms.add(r);
  }
  if (!any || (!fleet && keys.size === 0 && rooms.size === 0)) return undefined;
  return { fleet, keys: [...keys].sort().slice(0, MAX_STREAM_KEYS), rooms: [...rooms].sort().slice(0, MAX_STREAM_KEYS) };
}

export function eventStreamUrl(topic: StreamTopic, lastEventId?: string): string {
  const params = new URLSearchParams();
  if (topic.fleet) params.set('fleet', '1');
  if (topic.keys.length > 0) params.set('tasks', topic.keys.join(','));
  if (topic.rooms.length > 0) params.set('rooms', topic.rooms.join(','));
  if (lastEventId !== undefined) params.set('lastEventId', lastEventId);
  return `${fleetPaths.events}?${params.toString()}`;
}

/** The keys a task page listens for: the task's own, whichever API version the page asks with. */
export function taskStreamKeys(ref: TaskRef): string[] {
  return [taskIdentityKey(ref)];
}

const sameTopic = (a: StreamTopic | undefined, b: StreamTopic | undefined) =>
  a?.fleet === b?.fleet && (a?.keys.join(',') ?? '') === (b?.keys.join(',') ?? '') && (a?.rooms.join(',') ?? '') === (b?.rooms.join(',') ?? '');

const inRoom = (s: StreamSubscriber, notice: CallbackNotice) => notice.roomId !== null && (s.rooms ?? []).includes(roomKey(notice.appId, notice.roomId));

const names = (s: StreamSubscriber, key: string | null) => key !== null && (s.keys ?? []).includes(key);

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

export function createEventStream(options: EventStreamOptions): EventStream {
  const defer = options.defer ?? ((run) => queueMicrotask(run));
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  const subscribers = new Set<StreamSubscriber>();
  let source: EventSourceLike | undefined;
  let topic: StreamTopic | undefined;
  let lastEventId: string | undefined;
  let current: StreamState = 'connecting';
  let wasCut = false;
  let pending = false;
  let reopenTimer: unknown;
  let refusals = 0;

  const stateListeners = new Set<() => void>();
  const setState = (next: StreamState) => {
    if (next === current) return;
    current = next;
    for (const listener of [...stateListeners]) listener();
  };
  const stale = (who: Iterable<StreamSubscriber>) => {
    for (const s of [...who]) s.onStale?.();
  };

  function close() {
    if (reopenTimer !== undefined) clearTimer(reopenTimer);
    reopenTimer = undefined;
    source?.close();
    source = undefined;
  }

  function open(next: StreamTopic) {
    close();
    topic = next;
    const es = options.open(eventStreamUrl(next, lastEventId));
    source = es;
    const mine = () => source === es;
    const seen = (e: MessageEvent<string>) => {
      if (mine() && e.lastEventId !== '') lastEventId = e.lastEventId;
      return mine();
    };
    es.onopen = () => {
      if (!mine()) return;
      refusals = 0;
      setState('open');
      // Polling filled the gap while it was cut; one read makes sure nothing fell between.
      if (wasCut) stale(subscribers);
      wasCut = false;
    };
    es.onerror = () => {
      if (!mine()) return;
      wasCut = true;
      setState('cut');
      if (es.readyState !== CLOSED) return;
      // Refused (or ended for good): the browser will not retry by itself.
      const wait = REOPEN_MS[Math.min(refusals, REOPEN_MS.length - 1)] ?? 60_000;
      refusals += 1;
      source = undefined;
      es.close();
      reopenTimer = setTimer(() => {
        reopenTimer = undefined;
        const want = mergeTopics(subscribers);
        if (want !== undefined && source === undefined) open(want);
      }, wait);
    };
    const onChange = (fleetEvent: boolean) => (e: MessageEvent<string>) => {
      if (!seen(e)) return;
      const parsed = FleetChangeSchema.safeParse(parse(e.data));
      const who = [...subscribers].filter((s) => (fleetEvent ? s.fleet === true : parsed.success && names(s, parsed.data.key)));
      if (!parsed.success) return stale(fleetEvent ? who : [...subscribers].filter((s) => (s.keys ?? []).length > 0));
      for (const s of who) s.onChange?.(parsed.data);
    };
    es.addEventListener('fleet', onChange(true));
    es.addEventListener('task', onChange(false));
    es.addEventListener('callback', (e) => {
      if (!seen(e)) return;
      const parsed = CallbackNoticeSchema.safeParse(parse(e.data));
      if (!parsed.success) return;
      for (const s of [...subscribers]) if (s.fleet === true || names(s, parsed.data.key) || inRoom(s, parsed.data)) s.onCallback?.(parsed.data);
    });
    es.addEventListener('reset', (e) => {
      if (seen(e)) stale(subscribers);
    });
  }

  function reconcile() {
    pending = false;
    const want = mergeTopics(subscribers);
    if (want === undefined) {
      close();
      topic = undefined;
      return;
    }
    if (sameTopic(want, topic) && (source !== undefined || reopenTimer !== undefined)) return;
    // Swapping an open stream for one with more topics resumes from the last event id, so nothing
    // is missed: the views stay 'open' rather than blink to polling for the swap.
    if (current !== 'open') setState('connecting');
    open(want);
  }

  const schedule = () => {
    if (pending) return;
    pending = true;
    defer(reconcile);
  };

  return {
    subscribe(subscriber) {
      subscribers.add(subscriber);
      schedule();
      return () => {
        subscribers.delete(subscriber);
        schedule();
      };
    },
    state: () => current,
    watchState(listener) {
      stateListeners.add(listener);
      return () => void stateListeners.delete(listener);
    },
  };
}
