import { callbackSignature } from '../shared/volc-callback-signature.ts';
import { eventsBetween, NOTHING_SEEN, type SeenWorld, type SimCallbackEvent } from './callback-events.ts';
import type { TaskSnapshot } from './task-lifecycle.ts';

/**
 * Sends the simulator's tasks' lives as signed Volcengine event callbacks, the way Volcengine
 * delivers them: a JSON POST, success only on HTTP 200 within 5 s, at most two retries.
 * Test mode also sends each first event twice (a redelivery) and holds every Started back until
 * after the event that follows it (out of order).
 */

export interface CallbackSenderOptions {
  url: string;
  secret: string;
  /** The simulator's tasks now, in simulated time. */
  snapshots: () => TaskSnapshot[];
  taskNow: () => number;
  fetch?: typeof fetch;
  /** Milliseconds between looks (wall time). */
  everyMs?: number;
  testMode?: boolean;
  /**
   * Deliveries in flight at once (default 1: one after another). More keeps a large fleet's
   * callbacks from queueing behind each other's answers; a task's (or room's) own events still go
   * in order. Test mode always sends one at a time, so its reordering stays exact.
   */
  concurrency?: number;
  log?: (line: string) => void;
}

export const CALLBACK_TIMEOUT_MS = 5_000;
export const CALLBACK_MAX_RETRIES = 2;

let counter = 0;
const nonce = () => String(1000 + Math.floor(Math.random() * 9000));

export async function signedEnvelope(event: SimCallbackEvent, secret: string): Promise<Record<string, string>> {
  counter += 1;
  const base = {
    EventType: event.EventType,
    EventData: JSON.stringify(event.data),
    EventTime: new Date(event.at).toISOString(),
    EventId: `sim-${event.at.toString(36)}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    AppId: event.appId,
    Version: '2020-12-01',
    Nonce: nonce(),
  };
  return { ...base, Signature: await callbackSignature(base, secret) };
}

/** One delivery: tried once and retried at most twice while the answer is not 200 within 5 s. */
export async function deliver(url: string, body: string, doFetch: typeof fetch = fetch): Promise<{ ok: boolean; attempts: number; status?: number }> {
  let status: number | undefined;
  for (let attempt = 1; attempt <= 1 + CALLBACK_MAX_RETRIES; attempt++) {
    try {
      const res = await doFetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS) });
      await res.arrayBuffer();
      status = res.status;
      if (res.status === 200) return { ok: true, attempts: attempt, status };
    } catch {
      status = undefined;
    }
  }
  return { ok: false, attempts: 1 + CALLBACK_MAX_RETRIES, ...(status !== undefined ? { status } : {}) };
}

/** The task an event is about, else its room: what its delivery must stay in order with. */
const subjectOf = (e: SimCallbackEvent) => `${e.appId}|${String(e.data['RoomId'])}|${String(e.data['TaskId'] ?? '')}`;

/** The envelopes, one queue per subject, each in the order given. */
function queuesBySubject<T>(events: readonly SimCallbackEvent[], envelopes: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  events.forEach((event, i) => {
    const env = envelopes[i];
    if (env === undefined) return;
    const key = subjectOf(event);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [env]);
    else group.push(env);
  });
  return [...groups.values()];
}

export function startCallbackSender(opts: CallbackSenderOptions): { stop(): void; flush(): Promise<void> } {
  const doFetch = opts.fetch ?? fetch;
  const log = opts.log ?? (() => undefined);
  let seen: SeenWorld = NOTHING_SEEN;
  let busy: Promise<void> = Promise.resolve();
  let firstSent = false;

  async function send(events: SimCallbackEvent[]): Promise<void> {
    const envelopes = await Promise.all(events.map((e) => signedEnvelope(e, opts.secret)));
    if (opts.testMode) {
      // Out of order: each Started goes after the event behind it.
      for (let i = 0; i + 1 < envelopes.length; i++) {
        if (envelopes[i]?.EventType === 'TranscodeStarted') {
          [envelopes[i], envelopes[i + 1]] = [envelopes[i + 1] as Record<string, string>, envelopes[i] as Record<string, string>];
          i++;
        }
      }
    }
    const concurrency = opts.testMode ? 1 : Math.max(1, Math.floor(opts.concurrency ?? 1));
    // One queue per task (or per room, for presence): concurrent across queues, in order within one.
    const queues = concurrency === 1 ? [envelopes] : queuesBySubject(events, envelopes);
    let next = 0;
    const worker = async () => {
      for (let queue = queues[next++]; queue !== undefined; queue = queues[next++]) {
        for (const env of queue) await deliverOne(env);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queues.length) }, worker));
  }

  async function deliverOne(env: Record<string, string>): Promise<void> {
    const body = JSON.stringify(env);
    const result = await deliver(opts.url, body, doFetch);
    if (!result.ok) log(`callback ${env.EventType} ${env.EventId} not accepted (status ${result.status ?? 'none'}) after ${result.attempts} attempts`);
    if (opts.testMode && !firstSent) {
      firstSent = true;
      await deliver(opts.url, body, doFetch);
    }
  }

  function look() {
    busy = busy.then(async () => {
      const { events, next } = eventsBetween(seen, opts.snapshots(), opts.taskNow());
      seen = next;
      if (events.length > 0) await send(events);
    }).catch((err: unknown) => log(`callbacks: ${err instanceof Error ? err.message : String(err)}`));
  }

  look();
  const timer = setInterval(look, opts.everyMs ?? 1_000);
  return {
    stop: () => clearInterval(timer),
    flush: () => busy,
  };
}
