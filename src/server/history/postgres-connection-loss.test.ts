import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { createWatcherLease } from '../watcher/watcher-lease.ts';
import { createHistoryStore } from './history-store.ts';
import { isStoreUnavailable } from './store-unavailable.ts';
import { describePostgres, type FreshStore } from './test-stores.ts';

/**
 * The real PostgreSQL behind a TCP relay the test can cut: while it is cut, store calls fail fast
 * with an "unavailable" error (the API's 503) and the lease is not held; once restored, the same
 * pool reconnects by itself.
 */

interface Relay { port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }

async function relayTo(host: string, port: number): Promise<Relay> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let listenPort = 0;
  const listen = () => new Promise<void>((resolve, reject) => {
    server = createServer((client) => {
      const upstream = connect(port, host);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', () => {
      const address = server?.address();
      if (typeof address === 'object' && address !== null) listenPort = address.port;
      resolve();
    });
  });
  const cut = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  };
  await listen();
  return { port: listenPort, cut, restore: listen, close: cut };
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

describePostgres('connection loss', (_server, backend) => {
  it('fails store calls fast as unavailable while the database is away, and recovers on the same pool', async () => {
    const fresh: FreshStore = await backend.fresh();
    cleanup.push(() => fresh.dispose());
    const target = fresh.target;
    if (target === undefined) throw new Error('a PostgreSQL backend has a target');
    const relay = await relayTo(target.host, target.port);
    cleanup.push(() => relay.close());
    const url = new URL(target.url);
    url.port = String(relay.port);
    const { openPostgresDatabase } = await import('./open-postgres.ts');
    const db = await openPostgresDatabase({ ...target, url: url.toString(), port: relay.port }, { timeouts: { connectMs: 500, statementMs: 2_000 } });
    const store = createHistoryStore(db, { clock: { now: () => 1 } });
    cleanup.push(() => store.close());
    const lease = createWatcherLease({ db, family: 'postgres', timings: { renewMs: 50, ttlMs: 300 } });
    expect(await lease.tick()).toBe(true);
    expect(await store.listWatched()).toEqual([]);

    await relay.cut();
    // The pool's connection died with the relay; the next calls need a new one and cannot get it.
    const failures = await Promise.all([1, 2].map(() => store.listWatched().then(() => undefined, (err: unknown) => err)));
    for (const err of failures) expect({ err: String(err), unavailable: isStoreUnavailable(err) }).toMatchObject({ unavailable: true });
    expect(await lease.tick()).toBe(false);

    await relay.restore();
    expect(await store.listWatched()).toEqual([]);
    // Its own lease, at a new epoch: what it decided before the outage is fenced out.
    expect(await lease.tick()).toBe(true);
    expect(lease.fence()?.epoch).toBe(2);
  });
});
