import type { MiddlewareHandler } from 'hono';
import { sendError } from '../api-errors.ts';

/**
 * A sliding-window counter per key, for sign-in attempts: guessing MIXSCOPE_TOKEN must be slow.
 * Memory is bounded: keys with no recent attempt are dropped, and beyond `maxKeys` the oldest go.
 */
export interface AttemptLimiter {
  /** Records an attempt; answers how long to wait (ms) when over the limit, else 0. */
  hit(key: string, now: number): number;
}

export function createAttemptLimiter({ limit, windowMs, maxKeys = 10_000 }: { limit: number; windowMs: number; maxKeys?: number }): AttemptLimiter {
  const hits = new Map<string, number[]>();
  return {
    hit(key, now) {
      const recent = (hits.get(key) ?? []).filter((t) => t > now - windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        return Math.max(1, (recent[recent.length - limit] ?? now) + windowMs - now);
      }
      recent.push(now);
      hits.delete(key);
      hits.set(key, recent);
      while (hits.size > maxKeys) {
        const oldest = hits.keys().next();
        if (oldest.done === true) break;
        hits.delete(oldest.value);
      }
      return 0;
    },
  };
}

/** The caller's address as the socket saw it; a proxy in front makes everyone one caller (the global cap still holds). */
function remoteAddress(env: unknown): string {
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/** POST /api/session: at most `perClient` attempts a minute from one address and `overall` from all. */
export function signInThrottle(now: () => number, { perClient = 10, overall = 60 } = {}): MiddlewareHandler {
  const byClient = createAttemptLimiter({ limit: perClient, windowMs: 60_000 });
  const all = createAttemptLimiter({ limit: overall, windowMs: 60_000 });
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const t = now();
    const wait = Math.max(byClient.hit(remoteAddress(c.env), t), all.hit('*', t));
    if (wait === 0) return next();
    const retryAfter = Math.ceil(wait / 1000);
    return sendError(c, 429, { kind: 'throttled', message: `Too many sign-in attempts; wait ${retryAfter} s and try again.`, retryAfter });
  };
}
