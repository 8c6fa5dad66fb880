/**
 * A sliding-window counter per key, for failed credentials: guessing MIXSCOPE_TOKEN must be slow.
 * Memory is bounded: a key keeps at most `limit` times, keys with no recent failure are dropped,
 * and beyond `maxKeys` the oldest go.
 */
export interface AttemptLimiter {
  /** How long (ms) the key must wait before its next attempt; 0 when it may try now. */
  waitMs(key: string, now: number): number;
  record(key: string, now: number): void;
}

export function createAttemptLimiter({ limit, windowMs, maxKeys = 10_000 }: { limit: number; windowMs: number; maxKeys?: number }): AttemptLimiter {
  const hits = new Map<string, number[]>();
  const recent = (key: string, now: number) => (hits.get(key) ?? []).filter((t) => t > now - windowMs);
  return {
    waitMs(key, now) {
      const times = recent(key, now);
      if (times.length === 0) hits.delete(key);
      if (times.length < limit) return 0;
      return Math.max(1, (times[times.length - limit] ?? now) + windowMs - now);
    },
    record(key, now) {
      const times = [...recent(key, now), now].slice(-limit);
      hits.delete(key);
      hits.set(key, times);
      while (hits.size > maxKeys) {
        const oldest = hits.keys().next();
        if (oldest.done === true) break;
        hits.delete(oldest.value);
      }
    },
  };
}

/**
 * Failed credentials from one client address and from everyone. Every raw-token check (a Bearer
 * header on any route, the sign-in form) asks first and, over either limit, is answered 429
 * without comparing, so a right token is refused like a wrong one and the limit tells nothing.
 */
export interface CredentialThrottle {
  /** How long (ms) this client must wait before a raw token is checked; 0 when it may be. */
  waitMs(client: string): number;
  /** A raw token that did not match. */
  failed(client: string): void;
}

export const CREDENTIAL_LIMITS = { perClient: 10, overall: 60, windowMs: 60_000 } as const;

export function createCredentialThrottle(now: () => number, limits: Partial<typeof CREDENTIAL_LIMITS> = {}): CredentialThrottle {
  const { perClient, overall, windowMs } = { ...CREDENTIAL_LIMITS, ...limits };
  const byClient = createAttemptLimiter({ limit: perClient, windowMs });
  const all = createAttemptLimiter({ limit: overall, windowMs });
  return {
    waitMs: (client) => {
      const t = now();
      return Math.max(byClient.waitMs(client, t), all.waitMs('*', t));
    },
    failed: (client) => {
      const t = now();
      byClient.record(client, t);
      all.record('*', t);
    },
  };
}

/** The caller's address as the socket saw it; a proxy in front makes everyone one caller (the global cap still holds). */
export function remoteAddress(env: unknown): string {
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
