import { describe, expect, it } from 'vitest';
import type { GovernedResult } from './governor.ts';
import { governorKit, maxInWindow, OK, refOf, upstreamError } from './governor-test-kit.ts';

describe('governor: cache and coalescing', () => {
  it('ten concurrent viewers of one task cost one upstream call; a viewer a moment later hits the cache', async () => {
    const { clock, governor, calls } = governorKit();
    const results = Array.from({ length: 10 }, () => governor.get(refOf('t'), { priority: 'interactive' }));
    await clock.advance(100);
    const served = (await Promise.all(results)).map((r) => r.served);
    expect(served.filter((s) => s === 'upstream')).toHaveLength(1);
    expect(served.filter((s) => s === 'coalesced')).toHaveLength(9);
    const later = await governor.get(refOf('t'), { priority: 'interactive' });
    expect(later.served).toBe('cache');
    expect(calls).toHaveLength(1);
    await clock.advance(1_000);
    const after = governor.get(refOf('t'), { priority: 'interactive' });
    await clock.advance(100);
    expect((await after).served).toBe('upstream');
  });

  it('cacheMs 0 turns the cache off but keeps coalescing', async () => {
    const { clock, governor, calls } = governorKit(undefined, { cacheMs: 0 });
    const a = [governor.get(refOf('t'), { priority: 'interactive' }), governor.get(refOf('t'), { priority: 'interactive' })];
    await clock.advance(100);
    await Promise.all(a);
    const b = governor.get(refOf('t'), { priority: 'interactive' });
    await clock.advance(100);
    await b;
    expect(calls).toHaveLength(2);
  });

  it('caches a plain upstream error (TaskNotFound) but never a 5xx or a throttle', async () => {
    const answers = [upstreamError('InvalidParameter.ErrorActiveTaskNotFound', 400), upstreamError('InternalError', 500)];
    const { clock, governor, calls } = governorKit((n) => answers[n] ?? OK, { retry: { maxAttempts: 1 } });
    for (let i = 0; i < 2; i++) {
      const p = governor.get(refOf('gone'), { priority: 'interactive' });
      await clock.advance(100);
      await p;
    }
    expect(calls).toHaveLength(1);
    for (let i = 0; i < 2; i++) {
      const p = governor.get(refOf('flaky'), { priority: 'interactive' });
      await clock.advance(100);
      await p;
    }
    expect(calls).toHaveLength(3);
  });
});

describe('governor: budget and priority', () => {
  it('interactive callers are served before queued background ones', async () => {
    const { clock, governor, calls } = governorKit(undefined, { qps: 2, burst: 1 });
    const order: string[] = [];
    const track = (p: Promise<GovernedResult>, name: string) => p.then(() => order.push(name));
    const first = track(governor.get(refOf('a'), { priority: 'interactive' }), 'a');
    const bg = track(governor.get(refOf('bg'), { priority: 'background' }), 'bg');
    const people = track(governor.get(refOf('b'), { priority: 'interactive' }), 'b');
    await clock.advance(3_000);
    await Promise.all([first, bg, people]);
    expect(calls.map((c) => c.taskId)).toEqual(['a', 'b', 'bg']);
  });

  it('answers throttled with a Retry-After when no token comes before the deadline', async () => {
    const { clock, governor } = governorKit(undefined, { qps: 1, burst: 1, deadlineMs: { interactive: 500, background: 500 } });
    const a = governor.get(refOf('a'), { priority: 'interactive' });
    const b = governor.get(refOf('b'), { priority: 'interactive' });
    await clock.advance(600);
    expect((await a).outcome.kind).toBe('ok');
    const refused = (await b).outcome;
    expect(refused).toMatchObject({ kind: 'throttled', reason: 'deadline' });
    expect(refused.kind === 'throttled' && refused.retryAfterMs).toBeGreaterThan(0);
  });

  it('refuses at once when the queue is full', async () => {
    const { clock, governor } = governorKit(undefined, { qps: 1, burst: 1, maxQueue: 1 });
    const first = governor.get(refOf('a'), { priority: 'interactive' });
    const queued = governor.get(refOf('b'), { priority: 'interactive' });
    const full = await governor.get(refOf('c'), { priority: 'interactive' });
    expect(full.outcome).toMatchObject({ kind: 'throttled', reason: 'queue-full' });
    await clock.advance(2_000);
    await Promise.all([first, queued]);
  });

  it('canStart() is a promise kept in the same tick: the following get takes the token synchronously', async () => {
    const { clock, governor } = governorKit(undefined, { qps: 3, burst: 3 });
    let started = 0;
    const pending: Promise<GovernedResult>[] = [];
    for (let i = 0; i < 10 && governor.canStart('background'); i++) {
      pending.push(governor.get(refOf(`w${i}`), { priority: 'background' }));
      started++;
    }
    // The background share of 3 is 2.
    expect(started).toBe(2);
    expect(governor.state().inWindow).toBe(2);
    expect(governor.canStart('interactive')).toBe(true);
    await clock.advance(100);
    await Promise.all(pending);
  });

  it('stays within the budget under a flood of distinct tasks', async () => {
    const { clock, governor, calls } = governorKit(undefined, { qps: 50, deadlineMs: { interactive: 10_000, background: 10_000 } });
    const all = Array.from({ length: 300 }, (_, i) => governor.get(refOf(`t${i}`), { priority: i % 3 === 0 ? 'background' : 'interactive' }));
    await clock.advance(8_000);
    const results = await Promise.all(all);
    expect(results.every((r) => r.outcome.kind === 'ok')).toBe(true);
    expect(maxInWindow(calls.map((c) => c.at))).toBeLessThanOrEqual(50);
  });
});

describe('governor: retries and FlowLimitExceeded', () => {
  it('retries a 5xx with backoff and returns the success', async () => {
    const { clock, governor, calls } = governorKit((n) => (n < 2 ? upstreamError('ServiceUnavailableTemp', 503) : OK));
    const p = governor.get(refOf('t'), { priority: 'interactive' });
    await clock.advance(2_000);
    expect((await p).outcome.kind).toBe('ok');
    expect(calls).toHaveLength(3);
    // 50 ms latency, then 100..200 ms (random 0.5 → 150), then 200..400 (300).
    expect(calls.map((c) => c.at - calls[0]!.at)).toEqual([0, 200, 550]);
  });

  it('gives up after maxAttempts and returns the last answer', async () => {
    const { clock, governor, calls } = governorKit(() => upstreamError('InternalError', 500));
    const p = governor.get(refOf('t'), { priority: 'interactive' });
    await clock.advance(3_000);
    expect((await p).outcome).toMatchObject({ kind: 'upstream-error', error: { code: 'InternalError' } });
    expect(calls).toHaveLength(3);
  });

  it.each([
    ['a 4xx', upstreamError('InvalidParameter', 400)],
    ['a timeout', { kind: 'unreachable', reason: 'timeout', message: 'slow' } as const],
    ['a 200 with a truncated body', { kind: 'bad-body', httpStatus: 200, message: 'not JSON' } as const],
  ])('does not retry %s', async (_name, outcome) => {
    const { clock, governor, calls } = governorKit(() => outcome);
    const p = governor.get(refOf('t'), { priority: 'interactive' });
    await clock.advance(3_000);
    await p;
    expect(calls).toHaveLength(1);
  });

  it('a FlowLimitExceeded halves the rate for everyone, then it recovers', async () => {
    const { clock, governor } = governorKit((n) => (n === 0 ? upstreamError('FlowLimitExceeded', 429) : OK));
    const p = governor.get(refOf('t'), { priority: 'interactive' });
    await clock.advance(1_000);
    expect((await p).outcome.kind).toBe('ok');
    expect(governor.state().rate).toBe(25);
    await clock.advance(30_000);
    expect(governor.state().rate).toBe(50);
  });
});
