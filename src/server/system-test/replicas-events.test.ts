import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CALLBACK_PATH } from '../../shared/callback-api.ts';
import { CallbackNoticeSchema } from '../../shared/fleet-api.ts';
import { callbackSignature } from '../../shared/volc-callback-signature.ts';
import { sseReader, type SseEvent, type SseReader } from '../fleet/sse-test-reader.ts';
import { LISTEN_APPLICATION_NAME } from '../fleet/postgres-event-bus.ts';
import { describePostgres, type FreshStore } from '../history/test-stores.ts';
import { freePort, spawnTs, startCountedSimulator, tempDir, volcengineServerEnv, waitUntilServing, type Child } from './child-process-kit.ts';

/**
 * Live updates across replicas, in real processes over one PostgreSQL: a callback posted to
 * replica A reaches a browser's event stream on replica B, and still does after the database
 * killed every LISTEN connection (NOTIFY is lost meanwhile; B catches up from the store).
 */

const SECRET = 'replica-events-callback-secret';
/** Live means now: far below any polling period a replica could hide behind. */
const LIVE_MS = 1_000;
const APP = 'events-app';

async function signedEvent(eventId: string, taskId: string) {
  const base = {
    EventType: 'TranscodeStarted', EventData: JSON.stringify({ RoomId: 'events-room', TaskId: taskId }),
    EventTime: new Date().toISOString(), EventId: eventId, AppId: APP, Version: '2020-12-01', Nonce: '1234',
  };
  return JSON.stringify({ ...base, Signature: await callbackSignature(base, SECRET) });
}

/** The next callback event for `eventId` on the stream, other events skipped; rejects after `timeoutMs`. */
async function callbackOn(reader: SseReader, eventId: string, timeoutMs: number): Promise<SseEvent> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no callback ${eventId} on the stream within ${timeoutMs} ms`)), timeoutMs); });
  const find = async () => {
    for (;;) {
      const event = await reader.next();
      if (event.event === 'callback' && CallbackNoticeSchema.parse(JSON.parse(event.data)).eventId === eventId) return event;
    }
  };
  try {
    return await Promise.race([find(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describePostgres('live updates between replicas', (_server, backend) => {
  const children: Child[] = [];
  const dataDir = tempDir('mixscope-replica-events-');
  let database: FreshStore;
  const urls: string[] = [];
  const replicas: Child[] = [];

  beforeAll(async () => {
    database = await backend.fresh();
    const { proxyUrl, accessKey, secretKey } = await startCountedSimulator(children);
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const child = spawnTs('src/server/main.ts', [], {
        ...volcengineServerEnv(port, proxyUrl, `${dataDir.path}/r${i}`, { accessKeyId: accessKey, secretKey }),
        MIXSCOPE_DATABASE_URL: database.target?.url ?? '', MIXSCOPE_CALLBACK_SECRET: SECRET, LOG_LEVEL: 'info',
      });
      children.push(child);
      replicas.push(child);
      urls.push(`http://127.0.0.1:${port}`);
    }
    await Promise.all(urls.map((url, i) => waitUntilServing(`${url}/healthz`, replicas[i] as Child, 45_000)));
  }, 90_000);

  afterAll(async () => {
    await Promise.all(children.map((c) => c.stop()));
    await database?.dispose();
    dataDir.remove();
  }, 30_000);

  it('a callback posted to one replica reaches an event stream on the other, before and after the LISTEN connections are killed', async () => {
    const [a = '', b = ''] = urls;
    const post = async (eventId: string, taskId: string) => {
      const res = await fetch(`${a}${CALLBACK_PATH}`, { method: 'POST', body: await signedEvent(eventId, taskId), headers: { 'content-type': 'application/json' } });
      expect(res.status, await res.text()).toBe(200);
    };
    const res = await fetch(`${b}/api/events?fleet=1`);
    expect(res.status).toBe(200);
    const stream = sseReader(res);
    const timed = async (eventId: string, taskId: string, timeoutMs: number) => {
      const sent = performance.now();
      await post(eventId, taskId);
      await callbackOn(stream, eventId, timeoutMs);
      return Math.round(performance.now() - sent);
    };
    try {
      const live = await timed('evt-live', 'task-1', LIVE_MS);

      const admin = new pg.Client({ connectionString: database.target?.url });
      await admin.connect();
      let killed: number;
      try {
        const result = await admin.query('select pg_terminate_backend(pid) as gone from pg_stat_activity where application_name = $1 and datname = current_database()', [LISTEN_APPLICATION_NAME]);
        killed = result.rowCount ?? 0;
      } finally {
        await admin.end();
      }
      // Sent while B cannot hear it: B's catch-up from the store brings it.
      const caughtUp = await timed('evt-during-cut', 'task-2', 15_000);
      await replicas[1]?.waitFor(/event bus caught up from the store/, 15_000);
      const afterCut = await timed('evt-after-cut', 'task-3', LIVE_MS);
      console.log(`replica events: a callback on replica A reached a stream on replica B in ${live} ms; ${killed} LISTEN connections killed; the one sent meanwhile arrived in ${caughtUp} ms; after the reconnect in ${afterCut} ms`);
      expect(killed).toBe(2);
    } finally {
      await stream.cancel();
    }
  }, 60_000);
});
