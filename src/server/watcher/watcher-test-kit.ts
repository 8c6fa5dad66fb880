import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { taskRefKey, type TaskRef } from '../../shared/task-ref.ts';
import type { FetchOutcome } from '../history/fetch-outcome.ts';
import { openHistoryStore, type HistoryStore } from '../history/history-store.ts';
import { createManualClock, type ManualClock } from '../clock/manual-clock.ts';
import { createTestBudget, type TestBudget } from './test-budget.ts';
import { createWatcher, type Watcher } from './watcher.ts';

/** Test helpers for the watcher: a real store in a temp dir, a manual clock, a scripted upstream. */

export const T0 = Date.UTC(2026, 10, 24, 8, 0, 0);
export const SEC = 1_000;

export const refOf = (taskId: string): TaskRef => ({ appId: 'app', roomId: 'room', taskId, version: '2020-12-01' });

export const answer = (task: object, requestId = 'req'): FetchOutcome => ({ ok: true, requestId, task, fetchedAt: 0 });

/** Script: what upstream answers for a task at a time elapsed since T0. */
export type Script = (ref: TaskRef, elapsedMs: number) => FetchOutcome;

export interface Kit {
  clock: ManualClock;
  store: HistoryStore;
  budget: TestBudget;
  watcher: Watcher;
  /** Every upstream call: task key and elapsed ms. */
  calls: { key: string; at: number }[];
  callTimes(ref: TaskRef): number[];
  /** A new store and watcher on the same data directory, like a server restart. */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startKit(script: Script, opts: { qps?: number; random?: () => number; start?: boolean } = {}): Promise<Kit> {
  const dir = mkdtempSync(join(tmpdir(), 'mixscope-watcher-'));
  const clock = createManualClock(T0);
  const budget = createTestBudget({ qps: opts.qps ?? 50, now: clock.now });
  const calls: Kit['calls'] = [];
  const getTask = async (ref: TaskRef) => {
    calls.push({ key: taskRefKey(ref), at: clock.now() - T0 });
    return script(ref, clock.now() - T0);
  };
  const build = async () => {
    const store = await openHistoryStore({ dataDir: dir, clock });
    const watcher = createWatcher({ store, getTask, clock, budget, random: opts.random ?? (() => 0.5) });
    return { store, watcher };
  };
  const kit: Kit = {
    clock, budget, calls, ...(await build()),
    callTimes: (ref) => calls.filter((c) => c.key === taskRefKey(ref)).map((c) => c.at),
    async restart() {
      await kit.watcher.stop();
      await kit.store.close();
      Object.assign(kit, await build());
      await kit.watcher.start();
    },
    async dispose() {
      await kit.watcher.stop();
      await kit.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (opts.start !== false) await kit.watcher.start();
  return kit;
}
