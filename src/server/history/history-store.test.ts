import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ObservationSchema } from '../../shared/history-api.ts';
import { taskIdentityKey, type TaskRef } from '../../shared/task-ref.ts';
import { DEFAULT_COMPRESSION } from './compress.ts';
import type { FetchOutcome } from './fetch-outcome.ts';
import { createHistoryStore, openHistoryStore, REPORT_STALE_MS, type HistoryStore } from './history-store.ts';
import { DB_FILE_NAME } from './open-database.ts';
import { describeEachStore, type FreshStore } from './test-stores.ts';

const ref: TaskRef = { appId: 'app1', roomId: 'room1', taskId: 'task1', version: '2020-12-01' };
const key = taskIdentityKey(ref);
const ok = (task: object, requestId = 'req'): FetchOutcome => ({ ok: true, requestId, task, fetchedAt: 0 });
const pushing = { Status: 2, PushStreamState: 5, StartTime: 1_000, EndTime: 0, Layout: { LayoutMode: 0 } };
const reconnecting = { ...pushing, PushStreamState: 3 };

let now = 0;
const clock = { now: () => now };

describeEachStore('history store', (backend) => {
  let fresh: FreshStore;
  let store: HistoryStore;
  beforeEach(async () => {
    now = 1_000;
    fresh = await backend.fresh();
    store = createHistoryStore(await fresh.open(), { clock });
  });
  afterEach(async () => {
    await store.close();
    await fresh.dispose();
  });

  it('keeps identical answers as one row, plus a confirm row every confirmEveryMs', async () => {
    const step = 15_000;
    const polls = Math.ceil((2 * DEFAULT_COMPRESSION.confirmEveryMs) / step) + 1; // 10 minutes of polls
    for (let i = 0; i < polls; i++) await store.record(ref, ok(pushing, `r${i}`), 1_000 + i * step);
    const { observations } = await store.history(key);
    expect(observations.map((o) => o.kind)).toEqual(['change', 'confirm', 'confirm']);
    expect(observations[0]?.payload).toEqual(pushing);
    expect(observations[1]?.payload).toBeNull();
    expect(observations.reduce((n, o) => n + o.attempts, 0)).toBe(polls);
    expect(observations.at(-1)?.confirmedUntil).toBe(1_000 + (polls - 1) * step);
    expect(observations.every((o, i) => i === 0 || o.continuity === 'continuous')).toBe(true);
  });

  it('keeps one row per task whatever version names it; a version a person names replaces the one discovery guessed', async () => {
    const byCallback = await store.watch(ref, { label: 'callback' });
    expect(byCallback).toMatchObject({ created: true, task: { key: 'app1|room1|task1|' } });
    const byPerson = await store.watch({ ...ref, version: '2023-11-01' });
    expect(byPerson).toMatchObject({ created: false, task: { key: 'app1|room1|task1|', label: 'callback', ref: { version: '2023-11-01' } } });
    // Discovery naming it again does not undo the person's choice.
    expect((await store.watch(ref, { label: 'sweep' })).task.ref.version).toBe('2023-11-01');
    expect(await store.listWatched()).toHaveLength(1);
    await store.record({ ...ref, version: '2023-11-01' }, ok(pushing), 2_000);
    expect((await store.history(key)).observations).toHaveLength(1);
  });

  it('shows a reported state at once, ordered by EventTime, until a poll recorded after it', async () => {
    await store.watch(ref);
    now = 2_000;
    await store.record(ref, ok(pushing), now);
    // Dated well before what the poll saw, whatever the skew between the clocks.
    expect(await store.report(key, { status: 2, pushStreamState: 3 }, 2_000 - REPORT_STALE_MS - 1)).toBe(false);
    now = 2_100;
    expect(await store.report(key, { status: 4, stopReason: 'TaskFailed' }, 3_000)).toBe(true);
    // Older than the event already shown, or without a state: nothing.
    expect(await store.report(key, { pushStreamState: 3 }, 2_500)).toBe(false);
    expect(await store.report(key, {}, 4_000)).toBe(false);
    expect(await store.getWatched(key)).toMatchObject({ status: 4, pushStreamState: 5, stopReason: 'TaskFailed', reportedAt: 2_100 });
    now = 3_500;
    await store.record(ref, ok(pushing), now);
    expect(await store.getWatched(key)).toMatchObject({ status: 2, pushStreamState: 5, reportedAt: null });
    // Dated a little before the poll: the clocks may disagree that much, so it is shown.
    now = 3_600;
    expect(await store.report(key, { pushStreamState: 3 }, 3_400)).toBe(true);
    expect(await store.getWatched(key)).toMatchObject({ pushStreamState: 3, reportedAt: 3_600 });
  });

  it('stores a change as a new row with the payload and what changed', async () => {
    await store.record(ref, ok(pushing), 1_000);
    await store.record(ref, ok(reconnecting), 3_000);
    await store.record(ref, ok({ ...pushing, Layout: { LayoutMode: 1 } }), 5_000);
    const { observations } = await store.history(key);
    expect(observations.map((o) => [o.kind, o.changed])).toEqual([
      ['change', []],
      ['change', ['pushStreamState']],
      ['change', ['pushStreamState', 'layout']],
    ]);
    expect(observations[2]?.payload).toMatchObject({ Layout: { LayoutMode: 1 } });
    expect((await store.reconnectCounts()).get(key)).toBe(1);
  });

  it('records failures as gaps with their reason and RequestId', async () => {
    await store.record(ref, ok(pushing), 1_000);
    const fail: FetchOutcome = {
      ok: false, kind: 'upstream',
      error: { code: 'InternalError', message: 'boom', requestId: 'rq-9', httpStatus: 500 },
    };
    await store.record(ref, fail, 3_000);
    await store.record(ref, fail, 5_000);
    await store.record(ref, ok(pushing), 7_000);
    const { observations } = await store.history(key);
    expect(observations.map((o) => o.kind)).toEqual(['change', 'gap', 'confirm']);
    expect(observations[1]).toMatchObject({
      observedAt: 3_000, confirmedUntil: 5_000, attempts: 2, requestId: 'rq-9',
      error: { kind: 'upstream', code: 'InternalError', message: 'boom' },
    });
    for (const o of observations) expect(ObservationSchema.safeParse(o).success).toBe(true);
  });

  it('keeps the watch list summary in step with the observations', async () => {
    const { created } = await store.watch(ref, { label: 'ops' });
    expect(created).toBe(true);
    expect((await store.watch(ref)).created).toBe(false);
    await store.record(ref, ok(reconnecting), 2_000);
    await store.record(ref, { ok: false, kind: 'unreachable', message: 'ECONNRESET' }, 4_000);
    let w = await store.getWatched(key);
    expect(w).toMatchObject({ label: 'ops', status: 2, pushStreamState: 3, lastObservedAt: 2_000, lastAttemptAt: 4_000, consecutiveFailures: 1, startTime: 1_000 });
    const ended = await store.record(ref, ok({ ...pushing, Status: 3, PushStreamState: 6, EndTime: 5_500, StopReason: 'StopByAPI' }), 6_000);
    expect(ended.newlyEnded).toBe(true);
    expect((await store.record(ref, ok({ ...pushing, Status: 3, EndTime: 5_500 }), 8_000)).newlyEnded).toBe(false);
    w = await store.getWatched(key);
    expect(w).toMatchObject({ endedAt: 5_500, consecutiveFailures: 0, lastError: null });
    expect(await store.unwatch(key)).toBe(true);
    expect(await store.unwatch(key)).toBe(false);
    expect((await store.history(key)).observations.length).toBeGreaterThan(0); // history outlives the watch
  });

  it('reads a time range, newest rows first when truncated, with the change before it as baseline', async () => {
    for (let i = 0; i < 6; i++) await store.record(ref, ok({ ...pushing, PushStreamState: i % 2 ? 3 : 5 }), 1_000 * (i + 1));
    const page = await store.history(key, { from: 2_500, to: 5_000 });
    expect(page.observations.map((o) => o.observedAt)).toEqual([3_000, 4_000, 5_000]);
    expect(page.baseline?.observedAt).toBe(2_000);
    const last2 = await store.history(key, { limit: 2 });
    expect(last2.observations.map((o) => o.observedAt)).toEqual([5_000, 6_000]);
    expect(last2.truncated).toBe(true);
  });

  it('survives close and reopen', async () => {
    await store.watch(ref);
    await store.record(ref, ok(pushing), 1_000);
    await store.record(ref, ok(reconnecting), 3_000);
    await store.schedule(key, 9_000);
    await store.close();
    store = createHistoryStore(await fresh.open(), { clock });
    expect((await store.history(key)).observations.map((o) => o.pushStreamState)).toEqual([5, 3]);
    expect(await store.getWatched(key)).toMatchObject({ nextPollAt: 9_000, pushStreamState: 3 });
    // Reopening again must not re-run the migration.
    await store.record(ref, ok(reconnecting), 4_000);
    expect((await store.history(key)).observations).toHaveLength(2);
  });
});

describe('history store file (SQLite)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mixscope-history-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses WAL with synchronous=NORMAL on the file', async () => {
    const store = await openHistoryStore({ dataDir: join(dir, 'nested', 'data'), clock });
    await store.close();
    const raw = new Database(join(dir, 'nested', 'data', DB_FILE_NAME), { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    // Every migration file in the folder was applied, once.
    const files = readdirSync(new URL('./migrations/', import.meta.url)).filter((f) => /^\d{4}-.*\.ts$/.test(f) && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    const applied = raw.prepare('select name from kysely_migration order by name').all() as { name: string }[];
    expect(applied.map((m) => m.name)).toEqual(files.map((f) => f.replace(/\.ts$/, '')).sort());
    raw.close();
  });

  it('names MIXSCOPE_DATA_DIR when the directory cannot be used', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a directory');
    await expect(openHistoryStore({ dataDir: join(blocker, 'data'), clock })).rejects.toThrow(/MIXSCOPE_DATA_DIR/);
  });
});
