import { useSyncExternalStore } from 'react';
import { renderScope } from './render-scope.ts';
import { rememberForServer } from './server-cookie.ts';

/** What the server renders a page with, per key (from the request's cookies); empty in a browser. */
const serverValues = renderScope<ReadonlyMap<string, string>>(new Map());

/** Runs `render` with these stored values, for a page the server renders. */
export const withStoredValues = <T>(values: ReadonlyMap<string, string>, render: () => T): T => serverValues.run(values, render);

/**
 * A choice remembered in localStorage and shared by every component that reads it: changing it in
 * one place re-renders the others at once (and other tabs, through the storage event).
 */
export interface StoredSetting<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: () => void): () => void;
  /** The value a page rendered on the server shows (React's getServerSnapshot). */
  getServer(): T;
}

export function storedSetting<T>(key: string, parse: (raw: string | null) => T, serialise: (value: T) => string, options: { cookie?: boolean } = {}): StoredSetting<T> {
  const listeners = new Set<() => void>();
  let serverCached: { raw: string | null; value: T } | undefined;
  let cached: { raw: string | null; value: T } | undefined;
  const read = (): string | null => {
    try {
      return globalThis.localStorage?.getItem(key) ?? null;
    } catch {
      return null; // storage disabled: the default, not a crash
    }
  };
  const onStorage = (e: StorageEvent) => {
    if (e.key === key) listeners.forEach((l) => l());
  };
  return {
    get() {
      const raw = read();
      // Same raw text, same object: useSyncExternalStore needs a stable snapshot.
      if (cached === undefined || cached.raw !== raw) cached = { raw, value: parse(raw) };
      return cached.value;
    },
    getServer() {
      const raw = serverValues.current().get(key) ?? null;
      if (serverCached === undefined || serverCached.raw !== raw) serverCached = { raw, value: parse(raw) };
      return serverCached.value;
    },
    set(value) {
      // A choice the server renders pages with is in a cookie too (shared/page-preferences.ts).
      if (options.cookie) rememberForServer(key, serialise(value));
      try {
        globalThis.localStorage?.setItem(key, serialise(value));
      } catch {
        // remembered for this page only
        cached = { raw: serialise(value), value };
      }
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      if (listeners.size === 0) globalThis.addEventListener?.('storage', onStorage);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) globalThis.removeEventListener?.('storage', onStorage);
      };
    },
  };
}

export function useStoredSetting<T>(setting: StoredSetting<T>): [T, (value: T) => void] {
  const value = useSyncExternalStore(setting.subscribe, setting.get, setting.getServer);
  return [value, setting.set];
}
