import { afterEach, expect, it } from 'vitest';
import { describeEachStore } from '../history/test-stores.ts';
import { taskIdentityKey } from '../../shared/task-ref.ts';
import type { FetchOutcome } from '../history/fetch-outcome.ts';
import { answer, refOf, SEC, startKit, T0, type Kit } from './watcher-test-kit.ts';

let kit: Kit | undefined;
afterEach(async () => kit?.dispose());

const ref = refOf('lifecycle');
const base = { StartTime: T0, EndTime: 0, Layout: { LayoutMode: 0 } };

/** Starts, connects, pushes, reconnects once, pushes again, stops at 200 s. */
function lifecycle(elapsed: number): FetchOutcome {
  const s = elapsed / SEC;
  if (s < 10) return answer({ ...base, Status: 1, PushStreamState: 0 });
  if (s < 20) return answer({ ...base, Status: 2, PushStreamState: 2 });
  if (s < 120 || (s >= 130 && s < 200)) return answer({ ...base, Status: 2, PushStreamState: 5 });
  if (s < 130) return answer({ ...base, Status: 2, PushStreamState: 3 });
  return answer({ ...base, Status: 3, PushStreamState: 6, EndTime: T0 + 200 * SEC, StopReason: 'StopByAPI' });
}

describeEachStore('watcher cadence', (backend) => {
  it('polls fast while starting or reconnecting, slowly while pushing, once after the end, then never', async () => {
    kit = await startKit((_, elapsed) => lifecycle(elapsed), { backend });
    await kit.watcher.watch(ref);
    await kit.clock.advance(3_600 * SEC);
    expect(kit.callTimes(ref).map((t) => t / SEC)).toEqual([
      0, 2, 4, 6, 8, // not started: 2 s
      10, 12, 14, 16, 18, // connecting: 2 s
      20, 35, 50, 65, 80, 95, 110, // pushing: 15 s
      125, 127, 129, // reconnecting: 2 s
      131, 146, 161, 176, 191, // pushing again
      206, // first answer showing the end
      211, // the one last fetch
    ]);
    const watched = await kit.store.getWatched(taskIdentityKey(ref));
    expect(watched).toMatchObject({ nextPollAt: null, endedAt: T0 + 200 * SEC, stopReason: 'StopByAPI', status: 3 });
    expect(kit.watcher.scheduled().size).toBe(0);
    expect(kit.clock.pendingTimers()).toBe(0);

    const { observations } = await kit.store.history(taskIdentityKey(ref));
    expect(observations.map((o) => `${o.kind}:${o.status}/${o.pushStreamState}`)).toEqual([
      'change:1/0', 'change:2/2', 'change:2/5', 'change:2/3', 'change:2/5', 'change:3/6',
    ]);
    expect(observations.map((o) => o.attempts)).toEqual([5, 5, 7, 3, 5, 2]);
  });

  it('jitters each delay within ±20 %, so tasks added together drift apart', async () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    kit = await startKit(() => answer({ ...base, Status: 2, PushStreamState: 5 }), { backend, random });
    await kit.watcher.watch(refOf('a'));
    await kit.watcher.watch(refOf('b'));
    await kit.clock.advance(600 * SEC);
    for (const id of ['a', 'b']) {
      const times = kit.callTimes(refOf(id));
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      expect(gaps.length).toBeGreaterThan(30);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(12 * SEC);
      expect(Math.max(...gaps)).toBeLessThanOrEqual(18 * SEC);
      expect(new Set(gaps).size).toBeGreaterThan(gaps.length / 2);
    }
    expect(kit.callTimes(refOf('a'))).not.toEqual(kit.callTimes(refOf('b')));
  });

  it('records upstream failures as gaps with their reason and backs off', async () => {
    kit = await startKit((_, elapsed) =>
      elapsed >= 30 * SEC && elapsed < 100 * SEC
        ? { ok: false, kind: 'unreachable', code: 'timeout', message: 'rtc.volcengineapi.com did not answer within 5000 ms.' }
        : answer({ ...base, Status: 2, PushStreamState: 5 }),
    { backend });
    await kit.watcher.watch(ref);
    await kit.clock.advance(150 * SEC);
    // 30 s and 60 s after the first and second failure (slow base 15 s doubled), then steady again.
    expect(kit.callTimes(ref).map((t) => t / SEC)).toEqual([0, 15, 30, 60, 120, 135, 150]);
    const { observations } = await kit.store.history(taskIdentityKey(ref));
    expect(observations.map((o) => o.kind)).toEqual(['change', 'gap', 'confirm']);
    expect(observations[1]).toMatchObject({
      observedAt: T0 + 30 * SEC, confirmedUntil: T0 + 60 * SEC, attempts: 2,
      error: { kind: 'unreachable', code: 'timeout' },
    });
    expect(await kit.store.getWatched(taskIdentityKey(ref))).toMatchObject({ consecutiveFailures: 0, lastError: null });
  });
});
