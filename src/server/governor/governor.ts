import { taskRefKey, type TaskRef } from '../../shared/task-ref.ts';
import type { UpstreamOutcome } from '../upstream-client.ts';
import { createAdaptiveRate } from './adaptive-rate.ts';
import { createAdmission, type Admission, type Priority } from './admission.ts';
import { cappedBucket } from './capped-bucket.ts';
import { createCircuitBreaker } from './circuit-breaker.ts';
import type { GovernedOutcome, Governor, GovernorOptions, Served } from './governor-types.ts';
import { createResponseCache } from './response-cache.ts';
import { backoffMs, breakerVerdict, classify, isRetryable, RETRY_DEFAULTS, type RetryPolicy } from './retry-policy.ts';
import { createTokenBucket, defaultBurst } from './token-bucket.ts';

/**
 * Every upstream call of the server goes through here: interactive queries and the watcher alike.
 * In order: the short cache, then coalescing onto an identical call in flight, then the circuit
 * breaker, then a token from the one bucket (by priority, with a deadline), then the call with
 * bounded retries. Time and randomness are injected, so tests run it on a manual clock.
 */

export type { GovernedOutcome, GovernedResult, Governor, GovernorEvents, GovernorOptions, GovernorState, Priority, Served } from './governor-types.ts';

export const MAX_QPS = 60;

interface Flight {
  promise: Promise<{ outcome: GovernedOutcome; fresh: boolean }>;
  joiners: number;
  controller: AbortController;
}

const aborted: UpstreamOutcome = { kind: 'unreachable', reason: 'aborted', message: 'The request was cancelled.' };

export function createGovernor(options: GovernorOptions): Governor {
  const { upstream, clock, qps, events = {} } = options;
  if (!Number.isInteger(qps) || qps < 1 || qps > MAX_QPS) throw new RangeError(`qps must be a whole number from 1 to ${MAX_QPS}, got ${qps}`);
  const random = options.random ?? Math.random;
  const retry: RetryPolicy = { ...RETRY_DEFAULTS, ...options.retry };
  const adaptive = createAdaptiveRate({ baseRate: qps, ...options.adaptive });
  // Several replicas: this one's share of MIXSCOPE_QPS (replica-share.ts); alone, all of it.
  const cap = options.localCap ?? (() => qps);
  const rate = () => (adaptive.rate(clock.now()) * Math.min(qps, cap())) / qps;
  const bucket = cappedBucket(createTokenBucket({ rate, burst: options.burst ?? defaultBurst(qps), windowCap: qps, now: clock.now }), cap);
  const share = options.backgroundShare ?? 0.8;
  const admission: Admission = createAdmission({
    bucket, clock, rate,
    // At least one slot each way, so a tiny MIXSCOPE_QPS still lets the watcher make progress.
    backgroundLimit: () => {
      const c = Math.min(qps, cap());
      return Math.min(c, Math.max(1, Math.min(c - 1, Math.floor(rate() * share))));
    },
    ...(options.deadlineMs ? { deadlineMs: options.deadlineMs } : {}),
    ...(options.maxQueue !== undefined ? { maxQueue: options.maxQueue } : {}),
  });
  const breaker = createCircuitBreaker(options.breaker);
  const cache = createResponseCache<UpstreamOutcome>(options.cacheMs);
  const flights = new Map<string, Flight>();
  const stopAll = new AbortController();

  const sleep = (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms));
  const cacheable = (o: UpstreamOutcome) => classify(o) === 'answered';

  async function fly(ref: TaskRef, priority: Priority, flight: AbortSignal): Promise<{ outcome: GovernedOutcome; fresh: boolean }> {
    const started = clock.now();
    let last: UpstreamOutcome | undefined;
    for (let attempt = 1; attempt <= retry.maxAttempts; attempt++) {
      const gate = breaker.admit(clock.now());
      if (!gate.ok) {
        events.refused?.('circuit-open', priority);
        return last ? { outcome: last, fresh: true } : { outcome: { kind: 'circuit-open', retryAfterMs: gate.retryInMs }, fresh: false };
      }
      // Synchronous when a token is free: see canStart().
      const acquired = await admission.acquire(priority, flight);
      if (!acquired.ok) {
        if (gate.probe) breaker.onNeutral();
        if (acquired.reason === 'aborted') return { outcome: last ?? aborted, fresh: last !== undefined };
        events.refused?.('throttled', priority);
        return last ? { outcome: last, fresh: true } : { outcome: { kind: 'throttled', retryAfterMs: acquired.retryAfterMs, reason: acquired.reason }, fresh: false };
      }
      const t0 = clock.now();
      // A client that throws instead of answering must not leave a flight, and every caller joined
      // to it, with a rejection nobody handles: it is a network failure like any other.
      last = await upstream.getTask(ref, stopAll.signal).catch((err: unknown): UpstreamOutcome => ({
        kind: 'unreachable', reason: 'network', message: `The upstream call failed: ${err instanceof Error ? err.message : String(err)}`.slice(0, 200),
      }));
      // Only now is it sure the call reached the endpoint before this moment: see token-bucket.ts.
      admission.finish();
      const cls = classify(last);
      events.upstreamCall?.(cls, clock.now() - t0, priority);
      const verdict = breakerVerdict(cls);
      if (verdict === 'success') breaker.onSuccess(clock.now());
      else if (verdict === 'failure') breaker.onFailure(clock.now());
      else if (gate.probe) breaker.onNeutral();
      if (cls === 'throttled') adaptive.onThrottle(clock.now());
      if (!isRetryable(cls) || attempt === retry.maxAttempts) break;
      const wait = backoffMs(attempt, cls, random, retry);
      if (clock.now() + wait - started > retry.budgetMs) break;
      await sleep(wait);
      if (flight.aborted || stopAll.signal.aborted) break;
    }
    return { outcome: last ?? aborted, fresh: last !== undefined };
  }

  function start(key: string, ref: TaskRef, priority: Priority): Flight {
    const controller = new AbortController();
    const flight: Flight = { joiners: 0, controller, promise: Promise.resolve({ outcome: aborted, fresh: false }) };
    flight.promise = fly(ref, priority, controller.signal).then((result) => {
      if (flights.get(key) === flight) flights.delete(key);
      if (result.fresh && result.outcome.kind !== 'throttled' && result.outcome.kind !== 'circuit-open') {
        const outcome = result.outcome;
        if (cacheable(outcome)) cache.set(key, outcome, clock.now());
        if (!(outcome.kind === 'unreachable' && outcome.reason === 'aborted')) events.answered?.(ref, outcome, priority);
      }
      return result;
    });
    flights.set(key, flight);
    return flight;
  }

  /** Waits for the flight, or for this caller to give up; the last one to leave cancels the queueing. */
  function join(flight: Flight, signal: AbortSignal | undefined): Promise<GovernedOutcome> {
    flight.joiners += 1;
    if (signal === undefined) return flight.promise.then((r) => r.outcome);
    return new Promise((resolve) => {
      const leave = () => {
        flight.joiners -= 1;
        if (flight.joiners === 0) flight.controller.abort();
        resolve(aborted);
      };
      if (signal.aborted) return leave();
      signal.addEventListener('abort', leave, { once: true });
      void flight.promise.then((r) => {
        signal.removeEventListener('abort', leave);
        resolve(r.outcome);
      });
    });
  }

  return {
    async get(ref, { priority, signal }) {
      const key = taskRefKey(ref);
      const snapshot = () => breaker.snapshot(clock.now());
      const hit = cache.get(key, clock.now());
      if (hit !== undefined) {
        events.served?.('cache', priority);
        return { outcome: hit, served: 'cache', circuit: snapshot() };
      }
      // A flight everyone left is cancelling its queueing: do not join it.
      const found = flights.get(key);
      const existing = found?.controller.signal.aborted === false ? found : undefined;
      const served: Served = existing ? 'coalesced' : 'upstream';
      const outcome = await join(existing ?? start(key, ref, priority), signal);
      events.served?.(served, priority);
      return { outcome, served, circuit: snapshot() };
    },
    canStart(priority) {
      const gate = breaker.snapshot(clock.now()).state;
      return gate !== 'open' && admission.canAcquireNow(priority);
    },
    waitMs(priority) {
      const circuit = breaker.snapshot(clock.now());
      const forCircuit = circuit.nextProbeAt === undefined ? 0 : circuit.nextProbeAt - clock.now();
      return Math.max(forCircuit, admission.waitMs(priority));
    },
    state: () => ({
      circuit: breaker.snapshot(clock.now()), rate: rate(), inWindow: bucket.inWindow(), queued: admission.queued(), inFlight: flights.size,
    }),
    stop() {
      stopAll.abort();
      admission.drain();
    },
  };
}
