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
    for (const env of envelopes) {
      const body = JSON.stringify(env);
      const result = await deliver(opts.url, body, doFetch);
      if (!result.ok) log(`callback ${env.EventType} ${env.EventId} not accepted (status ${result.status ?? 'none'}) after ${result.attempts} attempts`);
      if (opts.testMode && !firstSent) {
        firstSent = true;
        await deliver(opts.url, body, doFetch);
      }
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
