import { describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, TaskResponseSchema } from '../shared/mixscope-api.ts';
import { createSimulator } from '../simulator/simulator.ts';
import { createApp } from './app.ts';
import { createUpstreamFor } from './upstream-factory.ts';
import { testConfig } from './test-support.ts';

/** The whole server path against the real in-process simulator: our signer, its verifier. */
async function simulatorApp(region = 'cn-north-1') {
  const config = testConfig({ upstream: 'simulator', credentials: undefined, region, endpoint: 'https://rtc.volcengineapi.com', endpointHost: 'rtc.volcengineapi.com' });
  const upstream = await createUpstreamFor(config, {
    clock: Date.now,
    fetch: () => Promise.reject(new Error('the network must not be used')),
    loadSimulator: async (r) => createSimulator({ seed: 7, region: r }),
  });
  return createApp({ config, upstream, clock: Date.now });
}

describe('server + embedded simulator', () => {
  it('returns a running demo task, signed well enough for the simulator to accept', async () => {
    const app = await simulatorApp();
    const res = await app.request('/api/task?appId=demo-app&roomId=room-live&taskId=live-mix');
    expect(res.status).toBe(200);
    const body = TaskResponseSchema.parse(await res.json());
    expect(body.source).toBe('simulator');
    expect(body.requestId).toMatch(/^\w+$/);
    expect(body.task).toMatchObject({ Status: 2 });
  });

  it('signs for the configured region, so a non-default VOLC_REGION still verifies', async () => {
    const app = await simulatorApp('ap-singapore-1');
    expect((await app.request('/api/task?appId=demo-app&roomId=room-live&taskId=live-mix&version=2023-11-01')).status).toBe(200);
  });

  it('passes the simulator\'s 72-hour error through with its RequestId', async () => {
    const app = await simulatorApp();
    const res = await app.request('/api/task?appId=demo-app&roomId=room-archive&taskId=old-mix');
    expect(res.status).toBe(502);
    const { error } = ApiErrorBodySchema.parse(await res.json());
    expect(error.upstream?.code).toMatch(/^InvalidParameter/);
    expect(error.upstream?.requestId).toBeTruthy();
  });
});
