import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock/manual-clock.ts';
import { createGovernor } from './governor.ts';
import { governorKit, OK, refOf } from './governor-test-kit.ts';

/** The governor when things go wrong: the circuit breaker, a throwing client, callers who leave. */

describe('governor: circuit breaker', () => {
  it('opens after consecutive failures, refuses at once with the time it became unreachable, then probes and closes', async () => {
    let down = true;
    const { clock, governor, calls } = governorKit(() => (down ? { kind: 'unreachable', reason: 'network', message: 'ECONNREFUSED' } : OK), { cacheMs: 0 });
    const firstFailure = clock.now() + 50; // the first answer, after 50 ms of latency
    for (let i = 0; i < 2; i++) {
      const p = governor.get(refOf(`t${i}`), { priority: 'interactive' });
      await clock.advance(2_000);
      await p;
    }
    expect(calls.length).toBe(5); // 3 attempts, then the 5th failure opens the circuit mid-retry
    const refused = await governor.get(refOf('t'), { priority: 'interactive' });
    expect(refused.outcome.kind).toBe('circuit-open');
    expect(refused.circuit).toMatchObject({ state: 'open', unreachableSince: firstFailure });
    expect(governor.canStart('background')).toBe(false);
    down = false;
    await clock.advance(5_000);
    const probe = governor.get(refOf('t'), { priority: 'interactive' });
    await clock.advance(100);
    const closed = await probe;
    expect(closed.outcome.kind).toBe('ok');
    expect(closed.circuit).toMatchObject({ state: 'closed', unreachableSince: undefined });
  });
});

describe('governor: a client that throws', () => {
  it('turns the throw into a network failure for every joined caller', async () => {
    const clock = createManualClock(0);
    const failing = createGovernor({ clock, qps: 50, cacheMs: 0, retry: { maxAttempts: 1 }, upstream: { getTask: () => Promise.reject(new Error('boom')) } });
    const a = failing.get(refOf('t'), { priority: 'interactive', signal: new AbortController().signal });
    const b = failing.get(refOf('t'), { priority: 'interactive' });
    await clock.advance(100);
    for (const r of await Promise.all([a, b])) expect(r.outcome).toMatchObject({ kind: 'unreachable', reason: 'network', message: 'The upstream call failed: boom' });
  });
});

describe('governor: cancellation', () => {
  it('a caller that leaves the queue gets "aborted", and the queued call is not made', async () => {
    const { clock, governor, calls } = governorKit(undefined, { qps: 1, burst: 1 });
    const first = governor.get(refOf('a'), { priority: 'interactive' });
    const controller = new AbortController();
    const leaving = governor.get(refOf('b'), { priority: 'interactive', signal: controller.signal });
    controller.abort();
    expect((await leaving).outcome).toMatchObject({ kind: 'unreachable', reason: 'aborted' });
    await clock.advance(3_000);
    await first;
    expect(calls.map((c) => c.taskId)).toEqual(['a']);
  });

  it('stop() answers everything waiting', async () => {
    const { governor } = governorKit(undefined, { qps: 1, burst: 1 });
    const first = governor.get(refOf('a'), { priority: 'interactive' });
    const queued = governor.get(refOf('b'), { priority: 'interactive' });
    governor.stop();
    expect((await queued).outcome).toMatchObject({ kind: 'unreachable', reason: 'aborted' });
    void first;
  });
});
