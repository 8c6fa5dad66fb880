import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallbackNoticeSchema, FleetChangeSchema, FleetResponseSchema, type CallbackNotice } from '../../shared/fleet-api.ts';
import { silentLogger } from '../logger.ts';
import { startRuntime, type Runtime } from '../server-runtime.ts';
import { testConfig } from '../test-support.ts';
import { sseReader } from './sse-test-reader.ts';

/** npm start with no keys: the embedded simulator's tasks are on the fleet without anyone typing an id. */

let dir: string;
let runtime: Runtime;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mixscope-feed-'));
  runtime = await startRuntime(testConfig({ upstream: 'simulator', credentials: undefined, dataDir: dir }), {
    logger: silentLogger,
    fetch,
    loadSimulator: async (region) => (await import('../../simulator/simulator.ts')).createSimulator({ region }),
  });
});
afterAll(async () => {
  runtime.markStopping();
  await runtime.watcher.stop();
  runtime.governor.stop();
  await runtime.store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the embedded simulator feeds the fleet', () => {
  it('lists its tasks as discovered by callback, and pushes them and their callbacks to an open stream', async () => {
    const res = await runtime.app.request('/api/events?fleet=1');
    expect(res.status).toBe(200);
    const stream = sseReader(res);
    try {
      // The simulator's tasks keep living, so events keep coming: wait for an applied callback and a discovered row.
      let callback: CallbackNotice | undefined;
      let row = false;
      while (callback === undefined || !row) {
        const event = await stream.next();
        if (event.event === 'callback') callback = CallbackNoticeSchema.parse(JSON.parse(event.data));
        if (event.event === 'fleet' && FleetChangeSchema.parse(JSON.parse(event.data)).task?.source === 'callback') row = true;
      }
      expect(callback.eventType).toMatch(/^(Transcode|User)/);
      const after = FleetResponseSchema.parse(await (await runtime.app.request('/api/tasks')).json());
      const discovered = after.tasks.filter((t) => t.source === 'callback');
      expect(discovered.length).toBeGreaterThan(0);
      expect(discovered.every((t) => t.label === 'callback' && t.ref.taskId !== undefined)).toBe(true);
      // Everything the first look found is applied in one pass: the demos are there, the fault demos are not
      // (watched, their throttling and timeouts would slow every other demo task down).
      const deadline = Date.now() + 10_000;
      let ids: string[] = [];
      while (!['live-mix', 'class-mix', 'broken-mix'].every((id) => ids.includes(id))) {
        if (Date.now() > deadline) throw new Error(`the demo tasks did not all reach the fleet: ${ids.join(', ')}`);
        await new Promise((r) => setTimeout(r, 50));
        ids = FleetResponseSchema.parse(await (await runtime.app.request('/api/tasks')).json()).tasks.map((t) => t.ref.taskId ?? '');
      }
      expect(ids.filter((id) => ['timeout-mix', 'throttled-mix', 'unavailable-mix', 'malformed-mix', 'slow-mix'].includes(id))).toEqual([]);
    } finally {
      await stream.cancel();
    }
  });
});
