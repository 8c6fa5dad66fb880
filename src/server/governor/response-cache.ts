/**
 * A short-lived answer cache keyed by taskRefKey: N people looking at one task cost one upstream
 * call per `ttlMs`, not N. Bounded, so a scan of many task ids cannot grow memory without limit
 * (oldest entries go first; a Map keeps insertion order). ttlMs 0 disables it.
 */

export interface ResponseCache<V> {
  get(key: string, now: number): V | undefined;
  set(key: string, value: V, now: number): void;
  size(): number;
}

export function createResponseCache<V>(ttlMs: number, maxEntries = 5_000): ResponseCache<V> {
  const entries = new Map<string, { value: V; expiresAt: number }>();
  return {
    get(key, now) {
      if (ttlMs <= 0) return undefined;
      const hit = entries.get(key);
      if (hit === undefined) return undefined;
      if (hit.expiresAt <= now) {
        entries.delete(key);
        return undefined;
      }
      return hit.value;
    },
    set(key, value, now) {
      if (ttlMs <= 0) return;
      entries.delete(key);
      entries.set(key, { value, expiresAt: now + ttlMs });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done === true) break;
        entries.delete(oldest.value);
      }
    },
    size: () => entries.size,
  };
}
