import { afterEach, expect, it } from 'vitest';
import { taskIdentityKey, type TaskRef } from '../../shared/task-ref.ts';
import { createHistoryStore, type HistoryStore } from '../history/history-store.ts';
import { describeEachStore, type StoreBackend } from '../history/test-stores.ts';
import type { UpstreamOutcome } from '../upstream-client.ts';
import { createGovernor, type GovernedResult, type Governor } from '../governor/governor.ts';
import { maxInWindow } from '../governor/governor-test-kit.ts';
import { governedGetTask, governorBudget, recordInteractiveAnswers } from './governor-link.ts';
import { createWatcher, type Watcher } from './watcher.ts';
import { storeAwareClock } from './watcher-test-kit.ts';

/** The other engineer's watcher, unchanged, on this governor's one budget instead of its own. */
const T0 = Date.UTC(2026, 10, 24, 8, 0, 0);
const refOf = (taskId: string): TaskRef => ({ appId: 'app', roomId: 'room', taskId, version: '2020-12-01' });
const STARTING: UpstreamOutcome = { kind: 'ok', requestId: 'r', task: { StartTime: T0, Status: 1, PushStreamState: 0 }, fetchedAt: T0 };

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

async function rig(backend: StoreBackend, answer: () => UpstreamOutcome = () => STARTING) {
  const fresh = await backend.fresh();
  const { clock, track } = storeAwareClock(T0);
  // People ask about person-* tasks, the watcher about the others.
  const calls: { at: number; key: string; priority: string }[] = [];
  const store: HistoryStore = track(createHistoryStore(await fresh.open(), { clock }));
  const governor: Governor = createGovernor({
    clock, qps: 50, cacheMs: 1_000, random: () => 0.5,
    upstream: { getTask: async (ref) => { calls.push({ at: clock.now(), key: taskIdentityKey(ref), priority: ref.taskId?.startsWith('person-') ? 'interactive' : 'background' }); return answer(); } },
    events: { answered: recordInteractiveAnswers(store, clock.now, (err) => { throw err; }) },
  });
  const watcher: Watcher = createWatcher({ store, clock, budget: governorBudget(governor), getTask: governedGetTask(governor), random: () => 0.5 });
  const ask = (ref: TaskRef): Promise<GovernedResult> => governor.get(ref, { priority: 'interactive' });
  cleanup = async () => {
    await watcher.stop();
    await store.close();
    await fresh.dispose();
  };
  await watcher.start();
  return { clock, calls, store, governor, watcher, ask };
}

describeEachStore('watcher on the governor', (backend) => {
  it('300 fast-polling tasks and 20 queries a second from people stay within 50 calls in any second; people are never refused', async () => {
    const { clock, calls, watcher, ask } = await rig(backend);
    for (let i = 0; i < 300; i++) await watcher.watch(refOf(`w${i}`));
    const people: Promise<GovernedResult>[] = [];
    let n = 0;
    const tick = () => {
      people.push(ask(refOf(`person-${n++}`)));
      clock.setTimeout(tick, 50);
    };
    tick();
    await clock.advance(30_000);
    const results = await Promise.all(people);
    const times = calls.map((c) => c.at);
    const background = calls.filter((c) => c.priority === 'background').length;
    console.log('watcher+people', JSON.stringify({ calls: calls.length, background, interactive: calls.length - background, maxInAnyWindow: maxInWindow(times) }));
    expect(maxInWindow(times)).toBeLessThanOrEqual(50);
    expect(results.every((r) => r.outcome.kind === 'ok')).toBe(true);
    // The watcher takes what people leave, up to its 80% share (40 of 50): about 20 a second here.
    expect(background).toBeGreaterThan(20 * 28);
  }, 60_000);

  it('a poll the cache can answer costs no upstream call', async () => {
    const { clock, calls, watcher, ask } = await rig(backend);
    const ref = refOf('shared');
    await ask(ref); // a person looked a moment ago
    await watcher.watch(ref); // the watcher's first poll is due now
    await clock.advance(100);
    expect(calls.filter((c) => c.key === taskIdentityKey(ref))).toHaveLength(1);
  });

  it('records a person\'s answer for a watched task, once per real upstream call', async () => {
    const { clock, store, watcher, ask } = await rig(backend);
    const ref = refOf('watched');
    await watcher.watch(ref);
    await clock.advance(100);
    await clock.advance(1_500); // past the cache
    await ask(ref);
    await ask(ref); // served from the cache: not recorded again
    await clock.advance(10);
    const { observations } = await store.history(taskIdentityKey(ref));
    expect(observations.reduce((n, o) => n + o.attempts, 0)).toBe(2);
  });

  it('pauses (records nothing) while the circuit is open, then resumes', async () => {
    let down = true;
    const { clock, store, watcher, calls } = await rig(backend, () => (down ? { kind: 'unreachable', reason: 'network', message: 'ECONNREFUSED' } : STARTING));
    const ref = refOf('t');
    await watcher.watch(ref);
    await clock.advance(20_000);
    const whileDown = calls.length;
    await clock.advance(3_000);
    expect(calls.length - whileDown).toBeLessThanOrEqual(1); // at most one probe
    down = false;
    await clock.advance(130_000);
    const { observations } = await store.history(taskIdentityKey(ref));
    expect(observations.at(-1)?.kind).toBe('change');
  }, 60_000);
});
