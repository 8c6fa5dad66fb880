import { describe, expect, it } from 'vitest';
import { callbackSignatureMatches } from '../shared/volc-callback-signature.ts';
import { eventsBetween, NOTHING_SEEN } from './callback-events.ts';
import { deliver, signedEnvelope, startCallbackSender } from './callback-sender.ts';
import { createSimulator } from './simulator.ts';

describe('simulator callbacks', () => {
  it('retries at most twice when not answered 200, and stops at the first 200', async () => {
    const statuses = [500, 503, 500, 500];
    let calls = 0;
    const failing = (async () => new Response('no', { status: statuses[calls++] ?? 500 })) as typeof fetch;
    expect(await deliver('http://x/cb', '{}', failing)).toEqual({ ok: false, attempts: 3, status: 500 });
    expect(calls).toBe(3);
    calls = 0;
    const second = (async () => new Response('ok', { status: calls++ === 0 ? 502 : 200 })) as typeof fetch;
    expect(await deliver('http://x/cb', '{}', second)).toMatchObject({ ok: true, attempts: 2 });
  });

  it('signs envelopes the receiver verifies', async () => {
    const env = await signedEnvelope({ EventType: 'TranscodeStarted', at: Date.UTC(2024, 0, 1), appId: 'a', data: { RoomId: 'r', TaskId: 't' } }, 'sekret');
    expect(await callbackSignatureMatches({ ...env } as never, 'sekret', env.Signature ?? '')).toBe(true);
    expect(env.EventTime).toBe('2024-01-01T00:00:00.000Z');
  });

  it('reports each task once as started, then only what changed', () => {
    let now = Date.UTC(2026, 0, 1);
    const sim = createSimulator({ now: () => now, speed: 1 });
    const first = eventsBetween(NOTHING_SEEN, sim.snapshots(), sim.clock.taskNow());
    const started = first.events.filter((e) => e.EventType === 'TranscodeStarted');
    expect(started.length).toBe(sim.snapshots().length);
    expect(started.every((e) => typeof e.data.TaskId === 'string' && typeof e.data.RoomId === 'string')).toBe(true);
    expect(first.events.some((e) => e.EventType === 'UserJoinRoom')).toBe(true);
    const again = eventsBetween(first.next, sim.snapshots(), sim.clock.taskNow());
    expect(again.events).toEqual([]);
    now += 6 * 3600_000;
    const later = eventsBetween(first.next, sim.snapshots(), sim.clock.taskNow());
    expect(later.events.some((e) => e.EventType === 'TranscodeStopped' || e.EventType === 'TranscodeStateChanged')).toBe(true);
  });

  it('keeps up to the concurrency in flight, each task and room in the order its events happened', async () => {
    const now = Date.UTC(2026, 0, 1);
    const sim = createSimulator({ now: () => now, speed: 1 });
    const expected = eventsBetween(NOTHING_SEEN, sim.snapshots(), sim.clock.taskNow()).events;
    const subject = (appId: unknown, data: Record<string, unknown>) => `${String(appId)}|${String(data['RoomId'])}|${String(data['TaskId'] ?? '')}`;
    let inFlight = 0;
    let most = 0;
    const received: Array<{ subject: string; type: string; at: number }> = [];
    const holding = (async (_url: string, init: RequestInit) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      const env = JSON.parse(String(init.body)) as Record<string, string>;
      received.push({ subject: subject(env['AppId'], JSON.parse(env['EventData'] ?? '{}') as Record<string, unknown>), type: env['EventType'] ?? '', at: Date.parse(env['EventTime'] ?? '') });
      await new Promise((r) => setImmediate(r));
      inFlight -= 1;
      return new Response('ok');
    }) as typeof fetch;
    const sender = startCallbackSender({ url: 'http://x/cb', secret: 's', snapshots: sim.snapshots, taskNow: sim.clock.taskNow, fetch: holding, everyMs: 3_600_000, concurrency: 4 });
    await sender.flush();
    sender.stop();
    expect(received.length).toBe(expected.length);
    expect(most).toBe(4);
    for (const s of new Set(received.map((r) => r.subject))) {
      const want = expected.filter((e) => subject(e.appId, e.data) === s).map((e) => `${e.EventType}@${e.at}`);
      expect(received.filter((r) => r.subject === s).map((r) => `${r.type}@${r.at}`)).toEqual(want);
    }
  });
});
