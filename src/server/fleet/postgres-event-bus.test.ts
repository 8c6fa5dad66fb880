import { sql, type Kysely } from 'kysely';
import { afterEach, expect, it, vi } from 'vitest';
import type { CallbackNotice } from '../../shared/fleet-api.ts';
import { createManualClock } from '../clock/manual-clock.ts';
import type { HistoryDatabase } from '../history/history-db.ts';
import { describePostgres } from '../history/test-stores.ts';
import { recordingLogger } from '../test-support.ts';
import { BUS_CHANNEL } from './bus-wire.ts';
import type { BusMessage } from './event-bus.ts';
import { createPostgresEventBus, LISTEN_APPLICATION_NAME, type CatchUpSource, type PostgresEventBus } from './postgres-event-bus.ts';

/** Two replicas' buses over one real PostgreSQL: NOTIFY between them, and the catch-up after a lost LISTEN connection. */

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const notice = (eventId: string): CallbackNotice => ({
  key: null, eventId, eventType: 'TranscodeStarted', eventTime: 1, appId: 'app', roomId: 'room', taskId: null,
});

const killListeners = (db: Kysely<HistoryDatabase>) =>
  sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${LISTEN_APPLICATION_NAME} and datname = current_database()`.execute(db);

describePostgres('the PostgreSQL event bus', (_server, backend) => {
  async function pair(sourceB: CatchUpSource = { watchedKeys: async () => [], callbacksAppliedSince: async () => [] }) {
    const fresh = await backend.fresh();
    cleanup.push(() => fresh.dispose());
    const db = await fresh.open();
    const target = fresh.target;
    if (target === undefined) throw new Error('a PostgreSQL store has a target');
    const clockB = createManualClock(1_000_000);
    const loggerB = recordingLogger();
    const make = (origin: string, extra: Partial<Parameters<typeof createPostgresEventBus>[0]>): PostgresEventBus & { heard: BusMessage[] } => {
      const bus = createPostgresEventBus({ target, db, origin, logger: recordingLogger(), source: { watchedKeys: async () => [], callbacksAppliedSince: async () => [] }, ...extra });
      const heard: BusMessage[] = [];
      bus.subscribe((m) => heard.push(m));
      cleanup.push(() => bus.stop());
      return Object.assign(bus, { heard });
    };
    const a = make('a', {});
    // B's timers (reconnect, ping) run on a clock the test moves.
    const b = make('b', { clock: clockB, logger: loggerB, source: sourceB, backoffMs: { first: 1_000, max: 1_000 }, random: () => 1 });
    await a.start();
    await b.start();
    return { db, a, b, clockB, loggerB };
  }

  it('tells the other replica once, and never echoes a replica its own message', async () => {
    const { a, b } = await pair();
    a.publish({ type: 'task-changed', key: 'k1' });
    await vi.waitFor(() => expect(b.heard).toEqual([{ type: 'task-changed', key: 'k1' }]));
    // NOTIFY arrives in commit order: once A hears B's answer, an echo of its own would be in.
    b.publish({ type: 'callback', notice: notice('e1') });
    await vi.waitFor(() => expect(a.heard).toHaveLength(2));
    expect(a.heard).toEqual([{ type: 'task-changed', key: 'k1' }, { type: 'callback', notice: notice('e1') }]);
    expect(b.heard).toEqual(a.heard);
  });

  it('ignores a notification that is not a bus message, and says so', async () => {
    const { db, a, b, loggerB } = await pair();
    await sql`select pg_notify(${BUS_CHANNEL}, ${'{"origin":"x","message":{"type":"task-changed"}}'})`.execute(db);
    await sql`select pg_notify(${BUS_CHANNEL}, ${'not json'})`.execute(db);
    a.publish({ type: 'task-changed', key: 'after' });
    await vi.waitFor(() => expect(b.heard).toEqual([{ type: 'task-changed', key: 'after' }]));
    expect(loggerB.lines.filter((l) => l.includes('ignored a notification'))).toHaveLength(2);
    expect(loggerB.lines.join('\n')).toMatch(/message\.key/);
  });

  it('after its LISTEN connection is killed, reconnects and reads from the store what it missed', async () => {
    const watched = ['kept', 'added-meanwhile'];
    const sinces: number[] = [];
    const applied = [notice('seen-before'), notice('missed')];
    const { db, a, b, clockB, loggerB } = await pair({
      watchedKeys: async () => watched,
      callbacksAppliedSince: async (since) => {
        sinces.push(since);
        return applied;
      },
    });
    // Told before the cut: known to B, and not told again by the catch-up.
    a.publish({ type: 'task-changed', key: 'removed-meanwhile' });
    a.publish({ type: 'callback', notice: notice('seen-before') });
    await vi.waitFor(() => expect(b.heard).toHaveLength(2));
    const cutAt = clockB.now();

    await killListeners(db);
    await vi.waitFor(() => expect(b.listening()).toBe(false));
    // Lost on the wire: B is not listening, and its reconnect waits for its clock.
    a.publish({ type: 'task-changed', key: 'added-meanwhile' });
    b.heard.length = 0;
    await clockB.advance(1_000);
    await vi.waitFor(() => expect(b.listening()).toBe(true));
    await vi.waitFor(() => expect(b.heard.filter((m) => m.type === 'callback')).toHaveLength(1));
    expect(b.heard.filter((m) => m.type === 'task-changed').map((m) => m.type === 'task-changed' && m.key).sort())
      .toEqual(['added-meanwhile', 'kept', 'removed-meanwhile']);
    expect(b.heard.filter((m) => m.type === 'callback')).toEqual([{ type: 'callback', notice: notice('missed') }]);
    // Read from before the connection was last known good, minus the replicas' clock skew.
    expect(sinces).toHaveLength(1);
    expect(sinces[0]).toBeLessThan(cutAt);
    expect(loggerB.lines.join('\n')).toMatch(/LISTEN connection .* dropped/);

    // And it listens again.
    b.heard.length = 0;
    a.publish({ type: 'task-changed', key: 'after' });
    await vi.waitFor(() => expect(b.heard).toEqual([{ type: 'task-changed', key: 'after' }]));
  });

  it('keeps retrying while the store fails during the catch-up, and catches up from the same point', async () => {
    let failing = false;
    const sinces: number[] = [];
    const { db, b, clockB, loggerB } = await pair({
      watchedKeys: async () => {
        if (failing) throw new Error('store away');
        return ['k'];
      },
      callbacksAppliedSince: async (since) => {
        sinces.push(since);
        return [];
      },
    });
    const cutAt = clockB.now();
    failing = true;
    await killListeners(db);
    await vi.waitFor(() => expect(b.listening()).toBe(false));
    await clockB.advance(1_000);
    // Connected, failed to read, dropped the connection again to retry.
    await vi.waitFor(() => expect(loggerB.lines.join('\n')).toMatch(/could not read what the other replicas changed/));
    expect(b.listening()).toBe(false);
    failing = false;
    await clockB.advance(1_000);
    await vi.waitFor(() => expect(b.heard).toEqual([{ type: 'task-changed', key: 'k' }]));
    expect(b.listening()).toBe(true);
    expect(sinces).toHaveLength(1);
    expect(sinces[0]).toBeLessThan(cutAt);
  });
});
