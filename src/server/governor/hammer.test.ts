import { describe, expect, it } from 'vitest';
import type { TaskRef } from '../../shared/task-ref.ts';
import { createApp } from '../app.ts';
import { createServerMetrics } from '../ops/server-metrics.ts';
import { testConfig } from '../test-support.ts';
import type { UpstreamClient } from '../upstream-client.ts';
import { createManualClock, type ManualClock } from '../clock/manual-clock.ts';
import { createGovernor } from './governor.ts';
import { maxInWindow } from './governor-test-kit.ts';

/**
 * The proof of the one budget: hammer the whole HTTP app with 1,000 concurrent task queries across 100
 * tasks against a counting upstream, on a manual clock, and check that Volcengine would never see
 * more than MIXSCOPE_QPS calls in any one-second window, while everyone gets an answer.
 */
const QPS = 50;
const TASKS = 100;
const T0 = Date.UTC(2026, 10, 24, 8, 0, 0);

function hammerRig(cacheMs = 1_000) {
  const clock = createManualClock(T0);
  const calls: { at: number; ref: TaskRef }[] = [];
  // 40 ms per answer: long enough that concurrent viewers overlap and coalesce.
  const upstream: UpstreamClient = {
    getTask: (ref) => {
      calls.push({ at: clock.now(), ref });
      return new Promise((resolve) => clock.setTimeout(() => resolve({ kind: 'ok', requestId: `r${calls.length}`, task: { Status: 2 }, fetchedAt: clock.now() }), 40));
    },
  };
  const metrics = createServerMetrics();
  const governor = createGovernor({ upstream, clock, qps: QPS, cacheMs, events: metrics.governorEvents });
  const app = createApp({ config: testConfig({ qps: QPS, cacheMs }), upstream, clock: clock.now, governor, metrics });
  const ask = async (i: number, tasks = TASKS): Promise<Response> => app.request(`/api/task?appId=app&roomId=room&taskId=task-${i % tasks}`);
  return { clock, calls, metrics, app, ask };
}

/** Advances the manual clock in small steps until every response is in. */
async function settleAll(clock: ManualClock, pending: Promise<Response>[], stepMs = 10, maxMs = 60_000) {
  let done = false;
  const all = Promise.all(pending).finally(() => { done = true; });
  for (let t = 0; !done && t < maxMs; t += stepMs) await clock.advance(stepMs);
  return all;
}

function perCalendarSecond(times: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const t of times) counts.set(Math.floor(t / 1000), (counts.get(Math.floor(t / 1000)) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}

describe('hammer: 1,000 concurrent queries across 100 tasks', () => {
  it('stays within MIXSCOPE_QPS in every one-second window and coalesces 10 viewers into one call', async () => {
    const { clock, calls, metrics, ask } = hammerRig();
    const wave1 = await settleAll(clock, Array.from({ length: 1_000 }, (_, i) => ask(i)));
    const statuses1 = wave1.map((r) => r.status);
    const upstream1 = calls.length;
    // A second wave right behind the first: most tasks are still in the cache.
    const wave2 = await settleAll(clock, Array.from({ length: 1_000 }, (_, i) => ask(i)));
    const times = calls.map((c) => c.at);
    const window = maxInWindow(times);
    const served = (how: string) => wave2.concat(wave1).filter((r) => r.headers.get('x-mixscope-served') === how).length;
    const summary = {
      requests: 2_000, upstreamCalls: calls.length, wave1UpstreamCalls: upstream1,
      coalescingRatio: Number((1_000 / upstream1).toFixed(1)), coalesced: served('coalesced'), cacheHits: served('cache'),
      maxCallsInAnyWindow: window, maxCallsInACalendarSecond: perCalendarSecond(times), spanMs: Math.max(...times) - Math.min(...times),
    };
    console.log('hammer', JSON.stringify(summary));

    expect(statuses1.every((s) => s === 200)).toBe(true);
    expect(wave2.every((r) => r.status === 200)).toBe(true);
    expect(upstream1).toBe(TASKS); // one call per task: 900 of 1,000 coalesced
    expect(summary.coalescingRatio).toBe(10);
    expect(window).toBeLessThanOrEqual(QPS);
    expect(summary.maxCallsInACalendarSecond).toBeLessThanOrEqual(QPS);
    expect(summary.cacheHits + summary.coalesced + calls.length).toBe(2_000);
    expect(metrics.registry.render()).toMatch(/mixscope_coalesced_total\{priority="interactive"\} \d+/);
  }, 60_000);

  it('under more demand than the budget, it refuses with 503 and Retry-After instead of going over', async () => {
    const { clock, calls, ask } = hammerRig();
    const pending: Promise<Response>[] = [];
    // 200 queries a second for 5 s, each for a task nobody else asks about: 4 times the budget,
    // and nothing for the cache or coalescing to save.
    for (let tick = 0; tick < 50; tick++) {
      for (let i = 0; i < 20; i++) pending.push(ask(tick * 20 + i, 1_000_000));
      await clock.advance(100);
    }
    const responses = await settleAll(clock, pending);
    const throttled = responses.filter((r) => r.status === 503);
    console.log('overload', JSON.stringify({ requests: responses.length, ok: responses.length - throttled.length, throttled: throttled.length, upstreamCalls: calls.length, maxCallsInAnyWindow: maxInWindow(calls.map((c) => c.at)) }));
    expect(maxInWindow(calls.map((c) => c.at))).toBeLessThanOrEqual(QPS);
    expect(throttled.length).toBeGreaterThan(0);
    const body = await throttled[0]!.json() as { error: { kind: string; retryAfter: number } };
    expect(body.error.kind).toBe('throttled');
    expect(Number(throttled[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // The budget was used, not wasted: close to 50 calls per second over the run.
    expect(calls.length).toBeGreaterThan(QPS * 5);
  }, 60_000);
});
