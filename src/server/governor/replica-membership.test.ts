import { afterEach, expect, it } from 'vitest';
import { describePostgres, type FreshStore } from '../history/test-stores.ts';
import { createManualClock } from '../clock/manual-clock.ts';
import { healthRoutes } from '../ops/health-routes.ts';
import { createReplicaMembership } from './replica-membership.ts';

/** Two replicas' heartbeats over one real PostgreSQL: the share rule fed by real rows and database time. */

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describePostgres('replica membership', (_server, backend) => {
  let fresh: FreshStore;

  async function replicas() {
    fresh = await backend.fresh();
    cleanup.push(() => fresh.dispose());
    const db = await fresh.open();
    // Local time is the test's to move; the database's clock is real.
    const clock = createManualClock(1_000_000);
    const make = (id: string) => createReplicaMembership({ db, id, qps: 50, clock, upstreamTimeoutMs: 400, windowMs: 100, expiryMs: 60_000 });
    return { db, clock, a: make('a'), b: make('b') };
  }

  it('a lone replica takes the whole budget; a second one waits to be listed, then both take half', async () => {
    const { clock, a, b } = await replicas();
    await a.tick();
    expect(a.cap()).toBe(50);
    await b.tick();
    expect(b.cap()).toBe(0);
    expect(b.counted()).toEqual(['b', 'a']);
    await a.tick();
    expect(a.cap()).toBe(25);
    // a lowered on reading b's row; its next write lists b.
    await b.tick();
    expect(b.cap()).toBe(0);
    await a.tick();
    await b.tick();
    // Listed by a, but a's calls under its old share may still be in a window: the hold.
    expect(b.cap()).toBe(0);
    await clock.advance(500);
    expect(b.cap()).toBe(25);
    expect(a.cap()).toBe(25);
  });

  it('a joining replica answers /readyz not ready, and says why, until it holds its share', async () => {
    const { clock, a, b } = await replicas();
    const readyz = async () => {
      const res = await healthRoutes({ stopping: () => false, circuit: () => ({ state: 'closed', consecutiveFailures: 0, unreachableSince: undefined, nextProbeAt: undefined }), shareWait: b.waiting }).request('/readyz');
      return { status: res.status, body: (await res.json()) as { checks: Record<string, boolean>; reasons?: string[] } };
    };
    expect((await readyz()).body.reasons).toEqual([expect.stringMatching(/no heartbeat written/)]);
    await a.tick();
    await b.tick();
    expect(await readyz()).toEqual({ status: 503, body: expect.objectContaining({ checks: expect.objectContaining({ share: false }), reasons: [expect.stringMatching(/other replicas \(1\) to count it/)] }) });
    await a.tick();
    await a.tick();
    await b.tick();
    expect((await readyz()).body.reasons).toEqual([expect.stringMatching(/^waiting 1 s more .* old shares/)]);
    await clock.advance(500);
    expect(b.cap()).toBe(25);
    expect(await readyz()).toEqual({ status: 200, body: expect.objectContaining({ status: 'ready', checks: expect.objectContaining({ share: true }) }) });
  });

  it('writes the ids it counted, so the others can see it has lowered', async () => {
    const { db, a, b } = await replicas();
    await a.tick();
    await b.tick();
    await a.tick();
    await a.tick();
    const rows = await db.selectFrom('replicas').select(['id', 'sees']).orderBy('id').execute();
    expect(rows.map((r) => [r.id, JSON.parse(r.sees) as unknown])).toEqual([['a', ['a', 'b']], ['b', []]]);
  });

  it('holds no share when its heartbeat cannot be written', async () => {
    const { db, clock, a } = await replicas();
    await a.tick();
    expect(a.cap()).toBe(50);
    await db.destroy();
    await a.tick();
    await clock.advance(60_000);
    expect(a.cap()).toBe(0);
  });
});
