import { describe, expect, it } from 'vitest';
import { governorKit, maxInWindow, refOf } from './governor-test-kit.ts';

/** The governor under a replica's share of the budget (localCap), as replica-membership.ts sets it. */
describe('governor: a replica share of the budget', () => {
  it('grants no more than the share in any window, and follows it when it changes', async () => {
    let share = 16;
    const { clock, governor, calls } = governorKit(undefined, { cacheMs: 0, localCap: () => share, deadlineMs: { interactive: 60_000, background: 60_000 } });
    const asks = Array.from({ length: 200 }, (_, i) => governor.get(refOf(`t${i}`), { priority: 'interactive' }));
    for (let t = 0; t < 3_000; t += 10) await clock.advance(10);
    expect(maxInWindow(calls.map((c) => c.at))).toBeLessThanOrEqual(16);
    expect(calls.length).toBeGreaterThan(16);
    const before = calls.length;
    share = 0;
    for (let t = 0; t < 2_000; t += 10) await clock.advance(10);
    expect(calls.length).toBe(before);
    share = 25;
    const raisedAt = clock.now();
    for (let t = 0; t < 10_000; t += 10) await clock.advance(10);
    await Promise.all(asks);
    const after = calls.filter((c) => c.at >= raisedAt).map((c) => c.at);
    expect(maxInWindow(after)).toBeLessThanOrEqual(25);
    expect(maxInWindow(after)).toBeGreaterThan(16);
  });

  it('keeps room for people: watcher polls stop below the share while interactive ones may use all of it', async () => {
    const { clock, governor } = governorKit(undefined, { cacheMs: 0, localCap: () => 10, latencyMs: 2_000 });
    const polls = Array.from({ length: 30 }, (_, i) => governor.get(refOf(`w${i}`), { priority: 'background' }));
    for (let t = 0; t < 500; t += 10) await clock.advance(10);
    expect(governor.state().inWindow).toBeLessThanOrEqual(8);
    expect(governor.canStart('background')).toBe(false);
    expect(governor.canStart('interactive')).toBe(true);
    const people = Array.from({ length: 10 }, (_, i) => governor.get(refOf(`p${i}`), { priority: 'interactive' }));
    for (let t = 0; t < 500; t += 10) await clock.advance(10);
    expect(governor.state().inWindow).toBe(10);
    governor.stop();
    await clock.advance(3_000);
    await Promise.all([...polls, ...people]);
  });
});
