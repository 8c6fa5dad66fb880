import type { Metrics } from '../ops/metrics.ts';

/** Every callback outcome is counted: what the endpoint answered, and what applying an event did. */
export interface CallbackMetrics {
  received(outcome: string): void;
  applied(outcome: string): void;
}

export function createCallbackMetrics(registry: Metrics): CallbackMetrics {
  const received = registry.counter('mixscope_callbacks_received_total', 'Volcengine event callbacks by answer: stored, duplicate, bad-signature, not-allowed, malformed, too-large, rate-limited, not-configured, failed.');
  const applied = registry.counter('mixscope_callback_events_applied_total', 'Stored callback events applied, by outcome: watched, watch-off, presence, unattributed, stored, refused.');
  return {
    received: (outcome) => received.inc({ outcome }),
    applied: (outcome) => applied.inc({ outcome }),
  };
}
