import type { TaskRef } from '../../shared/task-ref.ts';
import type { UpstreamClient, UpstreamOutcome } from '../upstream-client.ts';
import type { SchedulerClock } from '../clock/scheduler-clock.ts';
import type { AdaptiveRateOptions } from './adaptive-rate.ts';
import type { Priority } from './admission.ts';
import type { CircuitBreakerOptions, CircuitSnapshot } from './circuit-breaker.ts';
import type { AnswerClass, RetryPolicy } from './retry-policy.ts';

/** The governor's contract: what callers get back, what it reports, how it is configured. */

export type { Priority } from './admission.ts';

export type GovernedOutcome =
  | UpstreamOutcome
  | { kind: 'throttled'; retryAfterMs: number; reason: 'deadline' | 'queue-full' }
  | { kind: 'circuit-open'; retryAfterMs: number };

export type Served = 'upstream' | 'coalesced' | 'cache';

export interface GovernedResult {
  outcome: GovernedOutcome;
  served: Served;
  circuit: CircuitSnapshot;
}

/** Hooks for metrics and logs; the governor itself keeps no counters. */
export interface GovernorEvents {
  served?(how: Served, priority: Priority): void;
  upstreamCall?(cls: AnswerClass, ms: number, priority: Priority): void;
  refused?(why: 'throttled' | 'circuit-open', priority: Priority): void;
  /** The final answer of a real upstream flight (after retries), e.g. to record it in history. */
  answered?(ref: TaskRef, outcome: UpstreamOutcome, priority: Priority): void;
}

export interface GovernorOptions {
  upstream: UpstreamClient;
  clock: SchedulerClock;
  /** MIXSCOPE_QPS; at most 60. */
  qps: number;
  /** MIXSCOPE_CACHE_MS; 0 disables the cache. */
  cacheMs: number;
  burst?: number;
  /** This replica's share of `qps` per window right now, when replicas split it (default: all of it). */
  localCap?: () => number;
  /** Share of the window the watcher may use (default 0.8). */
  backgroundShare?: number;
  deadlineMs?: Record<Priority, number>;
  maxQueue?: number;
  retry?: Partial<RetryPolicy>;
  breaker?: CircuitBreakerOptions;
  adaptive?: Omit<AdaptiveRateOptions, 'baseRate'>;
  random?: () => number;
  events?: GovernorEvents;
}

export interface GovernorState {
  circuit: CircuitSnapshot;
  /** Calls per second allowed now (MIXSCOPE_QPS, or less after a FlowLimitExceeded). */
  rate: number;
  inWindow: number;
  queued: Record<Priority, number>;
  inFlight: number;
}

export interface Governor {
  get(ref: TaskRef, opts: { priority: Priority; signal?: AbortSignal }): Promise<GovernedResult>;
  /** True when a call of this priority would be admitted right now (the watcher's pacing). */
  canStart(priority: Priority): boolean;
  waitMs(priority: Priority): number;
  state(): GovernorState;
  /** Cancels queued and running calls (shutdown). */
  stop(): void;
}
