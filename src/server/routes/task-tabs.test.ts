import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { GOVERNANCE_DEFAULTS } from '../env-governance.ts';
import { governorKit, maxInWindow } from '../governor/governor-test-kit.ts';
import { testConfig } from '../test-support.ts';

// The task page asks GET /api/task every 2 s (its default live interval) in every open tab. The
// upstream is asked for the task once per period however many tabs ask, with the cache and the
// coalescing the server ships with.
const PAGE_POLL_MS = 2_000;
const TABS = 50;
const PERIODS = 10;

describe('a task page open in many tabs', () => {
  it('costs one upstream call per period, not one per tab', async () => {
    const { clock, governor, calls } = governorKit(undefined, { cacheMs: GOVERNANCE_DEFAULTS.cacheMs, latencyMs: 120 });
    const app = createApp({ config: testConfig(), upstream: { getTask: () => Promise.reject(new Error('only through the governor')) }, clock: clock.now, governor });
    const statuses: number[] = [];
    const start = clock.now();
    // Each tab polls at its own phase, as tabs opened at different moments do.
    for (let tab = 0; tab < TABS; tab++) {
      for (let period = 0; period < PERIODS; period++) {
        clock.setTimeout(() => {
          void Promise.resolve(app.request('/api/task?appId=app&roomId=room&taskId=shared')).then((res) => statuses.push(res.status));
        }, period * PAGE_POLL_MS + ((tab * 397) % PAGE_POLL_MS));
      }
    }
    await clock.advanceTo(start + PERIODS * PAGE_POLL_MS + 1_000);
    expect(statuses).toHaveLength(TABS * PERIODS);
    expect(statuses.every((s) => s === 200)).toBe(true);
    // At most one call in any window as long as the poll period, and one for (nearly) every period.
    expect(maxInWindow(calls.map((c) => c.at), PAGE_POLL_MS)).toBe(1);
    expect(calls.length).toBeGreaterThanOrEqual(PERIODS - 1);
    expect(calls.length).toBeLessThanOrEqual(PERIODS);
  });
});
