import type { Governor } from '../governor/governor-types.ts';
import type { HistoryStore } from '../history/history-store.ts';
import type { FaultSwitch } from '../simulator-faults.ts';
import type { Watcher } from '../watcher/watcher.ts';
import { appIdAllowed, appIdOfKey, requireAllowedAppId } from './app-id-allow-list.ts';

/**
 * The one MIXSCOPE_APP_IDS guard: wrappers around what every route, the page render and the
 * watcher reach upstream and the history through, applied where server-runtime.ts and app.ts wire
 * them. A disallowed AppId is refused before any call or read (AppIdNotAllowedError), and lists
 * leave out entries of AppIds the list no longer names. Without a list each wrapper is the
 * identity; wrapping twice with the same list returns the same object.
 */

type List = readonly string[] | undefined;
type WatchList = Pick<Watcher, 'watch' | 'unwatch'>;

const scopedWith = new WeakMap<object, List>();

function scope<T extends object>(target: T, list: List, wrap: (list: readonly string[]) => T): T {
  if (list === undefined || scopedWith.get(target) === list) return target;
  const wrapped = wrap(list);
  scopedWith.set(wrapped, list);
  return wrapped;
}

/** Upstream calls: a disallowed AppId never reaches the budget, the cache or the network. */
export function scopedGovernor(governor: Governor, list: List): Governor {
  return scope(governor, list, (ids) => ({
    ...governor,
    get: async (ref, opts) => {
      requireAllowedAppId(ids, ref.appId);
      return governor.get(ref, opts);
    },
  }));
}

/** The history: keyed reads and writes refuse, whole-list reads leave the others out. */
export function scopedHistoryStore(store: HistoryStore, list: List): HistoryStore {
  return scope(store, list, (ids) => {
    const byKey = (key: string) => requireAllowedAppId(ids, appIdOfKey(key));
    return {
      ...store,
      watch: async (ref, opts) => {
        requireAllowedAppId(ids, ref.appId);
        return store.watch(ref, opts);
      },
      unwatch: async (key) => { byKey(key); return store.unwatch(key); },
      getWatched: async (key) => {
        // A key that names no AppId names no task: a point read that finds nothing (readiness).
        if (appIdOfKey(key) !== '') byKey(key);
        return store.getWatched(key);
      },
      listWatched: async () => (await store.listWatched()).filter((task) => appIdAllowed(ids, task.ref.appId)),
      record: async (ref, outcome, at, fence) => {
        requireAllowedAppId(ids, ref.appId);
        return store.record(ref, outcome, at, fence);
      },
      schedule: async (key, at, fence) => { byKey(key); return store.schedule(key, at, fence); },
      markNotQueryable: async (key, reason, since, fence) => { byKey(key); return store.markNotQueryable(key, reason, since, fence); },
      history: async (key, query) => { byKey(key); return store.history(key, query); },
      report: async (key, state, at) => { byKey(key); return store.report(key, state, at); },
      reconnectCounts: async (key) => {
        if (key !== undefined) byKey(key);
        const counts = await store.reconnectCounts(key);
        return new Map([...counts].filter(([k]) => appIdAllowed(ids, appIdOfKey(k))));
      },
    };
  });
}

/** Adding and removing watch-list entries (the watcher's store is scoped too; this refuses first). */
export function scopedWatcher(watcher: WatchList, list: List): WatchList {
  return scope(watcher, list, (ids) => ({
    ...watcher,
    watch: async (ref, opts) => {
      requireAllowedAppId(ids, ref.appId);
      return watcher.watch(ref, opts);
    },
    unwatch: async (key) => {
      requireAllowedAppId(ids, appIdOfKey(key));
      return watcher.unwatch(key);
    },
  }));
}

/** Simulator faults: a rule may name only an allowed AppId (or none, and then applies to allowed calls only). */
export function scopedFaultSwitch(faults: FaultSwitch, list: List): FaultSwitch {
  return scope(faults, list, (ids) => ({
    ...faults,
    add: (rule) => {
      if (rule.match.appId !== undefined) requireAllowedAppId(ids, rule.match.appId);
      faults.add(rule);
    },
  }));
}
