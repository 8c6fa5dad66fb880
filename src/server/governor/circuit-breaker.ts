/**
 * A circuit breaker for the one upstream. After `failureThreshold` consecutive failures
 * (timeouts, network errors, 5xx, unreadable bodies) it opens: calls fail at once instead of
 * queueing behind a dead endpoint and burning the budget. After `openMs` one probe is let through
 * (half-open); its success closes the circuit, its failure reopens it for twice as long, up to
 * `maxOpenMs`. `unreachableSince` is the first failure of the current streak: what the browser
 * shows as "Volcengine unreachable since ...". Pure: time is passed in.
 */

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitSnapshot {
  state: CircuitState;
  consecutiveFailures: number;
  /** First failure of the current streak (Unix ms); undefined when the last call succeeded. */
  unreachableSince: number | undefined;
  /** When the next probe may go (open only). */
  nextProbeAt: number | undefined;
}

export type Admission = { ok: true; probe: boolean } | { ok: false; retryInMs: number };

export interface CircuitBreaker {
  /** May a call go now? A half-open circuit admits exactly one probe at a time. */
  admit(now: number): Admission;
  onSuccess(now: number): void;
  onFailure(now: number): void;
  /** The call ended with no verdict on the upstream (cancelled, throttled): frees the probe slot. */
  onNeutral(): void;
  snapshot(now: number): CircuitSnapshot;
}

export interface CircuitBreakerOptions {
  failureThreshold?: number;
  openMs?: number;
  maxOpenMs?: number;
}

export const BREAKER_DEFAULTS = { failureThreshold: 5, openMs: 5_000, maxOpenMs: 60_000 } as const;

export function createCircuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreaker {
  const { failureThreshold, openMs, maxOpenMs } = { ...BREAKER_DEFAULTS, ...options };
  let failures = 0;
  let since: number | undefined;
  let openedAt: number | undefined;
  let openFor = openMs;
  let probing = false;

  const stateAt = (now: number): CircuitState => {
    if (openedAt === undefined) return 'closed';
    return now >= openedAt + openFor ? 'half-open' : 'open';
  };

  return {
    admit(now) {
      const state = stateAt(now);
      if (state === 'closed') return { ok: true, probe: false };
      if (state === 'open') return { ok: false, retryInMs: (openedAt ?? now) + openFor - now };
      // Half-open: one probe; the others wait about as long as a probe takes.
      if (probing) return { ok: false, retryInMs: 1_000 };
      probing = true;
      return { ok: true, probe: true };
    },
    onSuccess() {
      failures = 0;
      since = undefined;
      openedAt = undefined;
      openFor = openMs;
      probing = false;
    },
    onFailure(now) {
      failures += 1;
      since ??= now;
      if (probing) {
        probing = false;
        openFor = Math.min(maxOpenMs, openFor * 2);
        openedAt = now;
      } else if (openedAt === undefined && failures >= failureThreshold) {
        openedAt = now;
      }
    },
    onNeutral() {
      probing = false;
    },
    snapshot(now) {
      const state = stateAt(now);
      return {
        state,
        consecutiveFailures: failures,
        unreachableSince: since,
        nextProbeAt: state === 'open' && openedAt !== undefined ? openedAt + openFor : undefined,
      };
    },
  };
}
