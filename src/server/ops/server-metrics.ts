import type { GovernorEvents, GovernorState } from '../governor/governor.ts';
import { createMetrics, type Metrics } from './metrics.ts';

/**
 * The server's Prometheus metrics. Upstream calls by outcome, what the governor saved (cache and
 * coalesced hits), what it refused (budget throttles, open circuit), upstream latency, and the
 * governor's state read at scrape time.
 */
export interface ServerMetrics {
  registry: Metrics;
  governorEvents: GovernorEvents;
  observeHttp(status: number, ms: number): void;
  /** Gauges read from the governor on every scrape. */
  watchGovernor(state: () => GovernorState): void;
}

const LATENCY_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createServerMetrics(): ServerMetrics {
  const registry = createMetrics();
  const calls = registry.counter('mixscope_upstream_calls_total', 'Calls to the upstream (Volcengine or the simulator), by outcome and priority.');
  const latency = registry.histogram('mixscope_upstream_latency_seconds', 'Upstream call latency, one observation per attempt.', LATENCY_BUCKETS);
  const cacheHits = registry.counter('mixscope_cache_hits_total', 'Task queries answered from the short cache (MIXSCOPE_CACHE_MS).');
  const coalesced = registry.counter('mixscope_coalesced_total', 'Task queries that joined an identical upstream call already in flight.');
  const throttled = registry.counter('mixscope_throttled_total', 'Throttles: source="budget" is our own 503, source="upstream" a FlowLimitExceeded from Volcengine.');
  const circuitRefusals = registry.counter('mixscope_circuit_open_refusals_total', 'Queries refused at once because the upstream circuit was open.');
  const http = registry.counter('mixscope_http_requests_total', 'HTTP requests served, by status class.');
  const httpLatency = registry.histogram('mixscope_http_request_duration_seconds', 'Time to answer an HTTP request.', LATENCY_BUCKETS);

  const governorEvents: GovernorEvents = {
    served(how, priority) {
      if (how === 'cache') cacheHits.inc({ priority });
      if (how === 'coalesced') coalesced.inc({ priority });
    },
    upstreamCall(cls, ms, priority) {
      calls.inc({ outcome: cls, priority });
      latency.observe(ms / 1000, { priority });
      if (cls === 'throttled') throttled.inc({ source: 'upstream' });
    },
    refused(why, priority) {
      if (why === 'throttled') throttled.inc({ source: 'budget', priority });
      else circuitRefusals.inc({ priority });
    },
  };

  return {
    registry,
    governorEvents,
    observeHttp(status, ms) {
      http.inc({ code: `${Math.floor(status / 100)}xx` });
      httpLatency.observe(ms / 1000);
    },
    watchGovernor(state) {
      registry.gauge('mixscope_upstream_rate_qps', 'Upstream calls per second allowed now (MIXSCOPE_QPS, less after a FlowLimitExceeded).', () => state().rate);
      registry.gauge('mixscope_upstream_window_calls', 'Upstream calls that count against the budget now: in flight, or answered within the last second.', () => state().inWindow);
      registry.gauge('mixscope_upstream_queue', 'Queries waiting for an upstream token.', () =>
        Object.entries(state().queued).map(([priority, n]) => [{ priority }, n] as const));
      registry.gauge('mixscope_upstream_circuit_state', 'The upstream circuit breaker: 1 for the current state.', () => {
        const now = state().circuit.state;
        return (['closed', 'open', 'half-open'] as const).map((s) => [{ state: s }, s === now ? 1 : 0] as const);
      });
      registry.gauge('mixscope_upstream_unreachable_since_seconds', 'Unix time of the first failure of the current failure streak, 0 when none.', () =>
        (state().circuit.unreachableSince ?? 0) / 1000);
    },
  };
}
