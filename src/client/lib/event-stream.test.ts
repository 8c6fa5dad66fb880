import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { MAX_STREAM_KEYS, type CallbackNotice, type FleetChange } from '../../shared/fleet-api.ts';
import { taskIdentityKey } from '../../shared/task-ref.ts';
import { createEventStream, eventStreamUrl, mergeTopics, taskStreamKeys, type EventSourceLike, type StreamSubscriber } from './event-stream.ts';

/** A stand-in EventSource the test drives: it opens, fails, and receives named events. */
class FakeSource implements EventSourceLike {
  readyState = 0;
  onopen: ((ev: Event) => unknown) | null = null;
  onerror: ((ev: Event) => unknown) | null = null;
  closed = false;
  private listeners = new Map<string, ((ev: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (ev: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  fail(closed: boolean) {
    this.readyState = closed ? 2 : 0;
    this.onerror?.(new Event('error'));
  }
  emit(type: string, id: string, data: unknown) {
    const ev = new MessageEvent<string>(type, { data: typeof data === 'string' ? data : JSON.stringify(data), lastEventId: id });
    for (const l of this.listeners.get(type) ?? []) l(ev);
  }
}

function harness() {
  const sources: FakeSource[] = [];
  const deferred: (() => void)[] = [];
  const timers: { run: () => void; ms: number; cleared: boolean }[] = [];
  const stream = createEventStream({
    open: (url) => {
      const s = new FakeSource(url);
      sources.push(s);
      return s;
    },
    defer: (run) => deferred.push(run),
    setTimer: (run, ms) => {
      const t = { run, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => void ((t as { cleared: boolean }).cleared = true),
  });
  const settle = () => {
    while (deferred.length > 0) deferred.shift()?.();
  };
  const latest = () => {
    const s = sources.at(-1);
    if (s === undefined) throw new Error('no stream was opened');
    return s;
  };
  return { stream, sources, timers, settle, latest };
}

const KEY_A = taskIdentityKey({ appId: 'app1', roomId: 'room1', taskId: 'task-a' });
const KEY_B = taskIdentityKey({ appId: 'app1', roomId: 'room1', taskId: 'task-b' });
const change = (key: string): FleetChange => ({ key, task: null });
const notice = (key: string | null, eventType = 'TranscodeStopped'): CallbackNotice => ({
  key, eventId: `e-${eventType}`, eventType, eventTime: 1_000, appId: 'app1', roomId: 'room1', taskId: 'task-a',
});

function recorder(what: Pick<StreamSubscriber, 'fleet' | 'keys'>) {
  const seen: string[] = [];
  const sub: StreamSubscriber = {
    ...what,
    onChange: (c) => seen.push(`change ${c.key}`),
    onCallback: (n) => seen.push(`callback ${n.eventType}`),
    onStale: () => seen.push('stale'),
  };
  return { sub, seen };
}

describe('mergeTopics', () => {
  it('is the fleet if anyone wants it and the sorted union of keys, nothing when nobody listens', () => {
    expect(mergeTopics([])).toBeUndefined();
    expect(mergeTopics([{ keys: [] }])).toBeUndefined();
    expect(mergeTopics([{ keys: [KEY_B] }, { keys: [KEY_A, KEY_B] }])).toEqual({ fleet: false, keys: [KEY_A, KEY_B], rooms: [] });
    expect(mergeTopics([{ fleet: true }, { keys: [KEY_A] }])).toEqual({ fleet: true, keys: [KEY_A], rooms: [] });
    // A task page's room alone is something to listen for: its presence callbacks.
    expect(mergeTopics([{ rooms: ['app1|room1'] }, { rooms: ['app1|room1'], keys: [KEY_A] }])).toEqual({ fleet: false, keys: [KEY_A], rooms: ['app1|room1'] });
  });

  it('never names more keys than a stream may, whatever the subscribers ask', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { maxLength: 30 }), { maxLength: 6 }), (lists) => {
      const topic = mergeTopics(lists.map((keys) => ({ keys })));
      const union = new Set(lists.flat());
      if (union.size === 0) {
        expect(topic).toBeUndefined();
        return;
      }
      expect(topic?.keys.length).toBe(Math.min(union.size, MAX_STREAM_KEYS));
      expect(topic?.keys).toEqual([...(topic?.keys ?? [])].sort());
      for (const k of topic?.keys ?? []) expect(union.has(k)).toBe(true);
    }));
  });
});

describe('eventStreamUrl', () => {
  it('says what the tab shows and where to resume', () => {
    const url = new URL(eventStreamUrl({ fleet: true, keys: [KEY_A, KEY_B], rooms: ['app1|room1'] }, '1700000000123'), 'http://x');
    expect(url.pathname).toBe('/api/events');
    expect(url.searchParams.get('fleet')).toBe('1');
    expect(url.searchParams.get('tasks')?.split(',')).toEqual([KEY_A, KEY_B]);
    expect(url.searchParams.get('lastEventId')).toBe('1700000000123');
    expect(url.searchParams.get('rooms')).toBe('app1|room1');
    const bare = new URL(eventStreamUrl({ fleet: false, keys: [KEY_A], rooms: [] }), 'http://x');
    expect(bare.searchParams.has('rooms')).toBe(false);
    expect(bare.searchParams.has('fleet')).toBe(false);
    expect(bare.searchParams.has('lastEventId')).toBe(false);
  });
});

describe('taskStreamKeys', () => {
  it('listens for one key per task, the same under every API version, the one callbacks name', () => {
    const v2020 = { version: '2020-12-01', appId: 'a', roomId: 'r', taskId: 't' } as const;
    expect(taskStreamKeys(v2020)).toEqual(['a|r|t|']);
    expect(taskStreamKeys({ ...v2020, version: '2023-11-01' })).toEqual(['a|r|t|']);
    expect(taskStreamKeys({ version: '2023-11-01', appId: 'a', roomId: 'r', userId: 'u' })).toEqual(['a|r||u']);
  });
});

describe('createEventStream', () => {
  it('opens one stream for every view of the tab, and reopens it from the last event when what the tab shows changes', () => {
    const { stream, sources, settle, latest } = harness();
    const fleet = recorder({ fleet: true });
    const task = recorder({ keys: [KEY_A] });
    const offFleet = stream.subscribe(fleet.sub);
    stream.subscribe(task.sub);
    settle();
    expect(sources).toHaveLength(1);
    expect(new URL(latest().url, 'http://x').searchParams.get('tasks')).toBe(KEY_A);
    latest().open();
    expect(stream.state()).toBe('open');
    latest().emit('fleet', '41', change(KEY_B));

    offFleet();
    settle();
    expect(sources).toHaveLength(2);
    expect(sources[0]?.closed).toBe(true);
    const reopened = new URL(latest().url, 'http://x').searchParams;
    expect(reopened.has('fleet')).toBe(false);
    expect(reopened.get('lastEventId')).toBe('41');
  });

  it('stays open while it swaps an open stream for one that carries more, so views do not blink to polling; a stream not yet open still says connecting', () => {
    const { stream, sources, settle, latest } = harness();
    const states: string[] = [];
    stream.watchState(() => states.push(stream.state()));
    stream.subscribe(recorder({ keys: [KEY_A] }).sub);
    settle();
    latest().open();
    stream.subscribe({ rooms: ['app1|room1'] });
    settle();
    expect(sources).toHaveLength(2);
    expect(stream.state()).toBe('open');
    latest().fail(false);
    expect(stream.state()).toBe('cut');
    stream.subscribe(recorder({ keys: [KEY_B] }).sub);
    settle();
    expect(sources).toHaveLength(3);
    expect(states).toEqual(['open', 'cut', 'connecting']);
  });

  it('does not reopen when a view joins with what the stream already carries, and closes when the last view leaves', () => {
    const { stream, sources, settle } = harness();
    const off = stream.subscribe(recorder({ keys: [KEY_A] }).sub);
    settle();
    const offSame = stream.subscribe(recorder({ keys: [KEY_A] }).sub);
    settle();
    expect(sources).toHaveLength(1);
    off();
    offSame();
    settle();
    expect(sources[0]?.closed).toBe(true);
    expect(sources).toHaveLength(1);
  });

  it('hands each event to the views it is about', () => {
    const { stream, settle, latest } = harness();
    const fleet = recorder({ fleet: true });
    const a = recorder({ keys: [KEY_A] });
    const b = recorder({ keys: [KEY_B] });
    for (const r of [fleet, a, b]) stream.subscribe(r.sub);
    settle();
    const s = latest();
    s.open();
    s.emit('fleet', '1', change(KEY_A));
    s.emit('task', '1', change(KEY_A));
    s.emit('callback', '2', notice(KEY_B));
    s.emit('callback', '3', notice(null, 'UserLeaveRoom'));
    expect(fleet.seen).toEqual([`change ${KEY_A}`, 'callback TranscodeStopped', 'callback UserLeaveRoom']);
    expect(a.seen).toEqual([`change ${KEY_A}`]);
    expect(b.seen).toEqual(['callback TranscodeStopped']);
  });

  it('tells views to read afresh on a reset, on an event it cannot read, and when a cut stream is back', () => {
    const { stream, settle, latest } = harness();
    const fleet = recorder({ fleet: true });
    const a = recorder({ keys: [KEY_A] });
    stream.subscribe(fleet.sub);
    stream.subscribe(a.sub);
    settle();
    const s = latest();
    s.open();
    s.emit('task', '5', '{not json');
    expect(a.seen).toEqual(['stale']);
    expect(fleet.seen).toEqual([]);
    s.emit('fleet', '6', { key: 7 });
    expect(fleet.seen).toEqual(['stale']);
    s.emit('reset', '7', { reason: 'too-old' });
    expect(a.seen).toEqual(['stale', 'stale']);

    s.fail(false);
    expect(stream.state()).toBe('cut');
    // The browser reconnects by itself; once it is back, what polling filled in is checked once.
    s.open();
    expect(stream.state()).toBe('open');
    expect(a.seen).toEqual(['stale', 'stale', 'stale']);
  });

  it('reopens a refused stream after a pause that grows, resuming from the last event', () => {
    const { stream, sources, timers, settle, latest } = harness();
    const changes: string[] = [];
    const states: string[] = [];
    stream.watchState(() => states.push(stream.state()));
    stream.subscribe({ keys: [KEY_A], onChange: (c) => changes.push(c.key) });
    settle();
    latest().open();
    latest().emit('task', '90', change(KEY_A));
    latest().fail(true);
    expect(states).toEqual(['open', 'cut']);
    expect(timers).toHaveLength(1);
    timers[0]?.run();
    expect(sources).toHaveLength(2);
    expect(new URL(latest().url, 'http://x').searchParams.get('lastEventId')).toBe('90');
    latest().fail(true);
    expect(timers[1]?.ms).toBeGreaterThan(timers[0]?.ms ?? Infinity);
    // Events of a stream already replaced are not delivered.
    sources[0]?.emit('task', '91', change(KEY_A));
    expect(changes).toEqual([KEY_A]);
  });
});
