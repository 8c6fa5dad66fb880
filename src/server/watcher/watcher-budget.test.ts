import { afterEach, expect, it } from 'vitest';
import { describeEachStore } from '../history/test-stores.ts';
import { taskIdentityKey } from '../../shared/task-ref.ts';
import { answer, refOf, SEC, startKit, T0, type Kit } from './watcher-test-kit.ts';

let kit: Kit | undefined;
afterEach(async () => kit?.dispose());

/** Most grants in any window of `windowMs` over sorted times. */
function maxInWindow(times: number[], windowMs = 1_000): number {
  let best = 0;
  for (let lo = 0, hi = 0; hi < times.length; hi++) {
    while (times[hi]! - times[lo]! >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

describeEachStore('watcher budget', (backend) => {
  it('stays inside the shared QPS budget with 300 fast-polling tasks and people querying too', async () => {
    // Every task is "starting" (2 s cadence): 150 QPS of demand against a 50 QPS budget.
    kit = await startKit(() => answer({ StartTime: T0, Status: 1, PushStreamState: 0 }), { backend, qps: 50 });
    const refs = Array.from({ length: 300 }, (_, i) => refOf(`t${i}`));
    for (const ref of refs) await kit.watcher.watch(ref);

    // Interactive load: 20 attempts per second through the same budget.
    const interactive: number[] = [];
    let attempts = 0;
    const k = kit;
    const ask = () => {
      attempts++;
      if (k.budget.tryAcquire('interactive')) interactive.push(k.clock.now() - T0);
      k.clock.setTimeout(ask, 50);
    };
    ask();
    await kit.clock.advance(60 * SEC);

    const background = kit.calls.map((c) => c.at);
    const all = [...background, ...interactive].sort((a, b) => a - b);
    expect(maxInWindow(background)).toBeLessThanOrEqual(40); // the background share of 50
    expect(maxInWindow(all)).toBeLessThanOrEqual(50);
    // Calls per simulated second, the way Volcengine counts.
    const perSecond = new Map<number, number>();
    for (const t of all) perSecond.set(Math.floor(t / SEC), (perSecond.get(Math.floor(t / SEC)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(50);
    // People always find the reserved 10 per second, and nearly every query got through (a few
    // meet the echo of the watcher's opening burst). The watcher fills the rest up to its ceiling
    // of 40 requests per window, counting everyone's (so about 40 - 20 = 20 per second here).
    for (let s = 0; s < 60; s++) expect(interactive.filter((t) => Math.floor(t / SEC) === s).length).toBeGreaterThanOrEqual(10);
    expect(interactive.length).toBeGreaterThan(attempts * 0.97);
    expect(background.length).toBeGreaterThan(20 * 58);
    // Oldest-due-first: every task keeps being polled.
    const perTask = refs.map((ref) => kit!.callTimes(ref).length);
    expect(Math.min(...perTask)).toBeGreaterThanOrEqual(Math.floor(background.length / refs.length));
    expect(Math.max(...perTask) - Math.min(...perTask)).toBeLessThanOrEqual(2);
  }, 60_000);

  it('resumes the schedule after a restart, and never polls an ended task again', async () => {
    const running = refOf('running');
    const ended = refOf('ended');
    kit = await startKit((ref) =>
      ref.taskId === 'ended'
        ? answer({ StartTime: T0, Status: 3, PushStreamState: 6, EndTime: T0 + 1, StopReason: 'IdleTimeOut' })
        : answer({ StartTime: T0, Status: 2, PushStreamState: 5 }),
    { backend });
    await kit.watcher.watch(running);
    await kit.watcher.watch(ended);
    await kit.clock.advance(40 * SEC);
    expect(kit.callTimes(ended).map((t) => t / SEC)).toEqual([0, 5]);

    await kit.restart();
    await kit.clock.advance(3_600 * SEC); // an hour later, same data directory
    expect(kit.callTimes(ended)).toHaveLength(2);
    const runningCalls = kit.callTimes(running);
    expect(runningCalls.length).toBeGreaterThan(200);
    expect(runningCalls[3]).toBe(45 * SEC); // the stored next poll time survived the restart

    const { observations } = await kit.store.history(taskIdentityKey(running));
    expect(observations[0]).toMatchObject({ kind: 'change', observedAt: T0, continuity: 'first' });
    expect(observations.every((o) => o.kind !== 'gap')).toBe(true);
  }, 60_000);
});
