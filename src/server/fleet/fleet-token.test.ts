import { afterEach, describe, expect, it } from 'vitest';
import { FleetResponseSchema } from '../../shared/fleet-api.ts';
import { createApp } from '../app.ts';
import { fakeUpstream, TEST_NOW, testConfig } from '../test-support.ts';
import { createFleetKit, type FleetKit } from './fleet-test-kit.ts';
import { createFleetSource } from './fleet-source.ts';

const TOKEN = 'fleet-token-long-enough-1234';

let kit: FleetKit;
afterEach(async () => kit.dispose());

async function appWithToken() {
  kit = await createFleetKit();
  const upstream = fakeUpstream({ kind: 'ok', requestId: 'r', task: { Status: 2 }, fetchedAt: TEST_NOW });
  const source = createFleetSource({ store: kit.store, db: kit.db, now: kit.clock.now });
  return createApp({ config: testConfig({ token: TOKEN }), upstream, clock: () => TEST_NOW, fleet: { source, hub: kit.hub } });
}

describe('the fleet behind MIXSCOPE_TOKEN', () => {
  it('refuses /api/tasks and /api/events without the token and opens no stream', async () => {
    const app = await appWithToken();
    expect((await app.request('/api/tasks')).status).toBe(401);
    expect((await app.request('/api/events?fleet=1')).status).toBe(401);
    expect(kit.hub.streams()).toBe(0);
  });

  it('answers with the token', async () => {
    const app = await appWithToken();
    const res = await app.request('/api/tasks', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(FleetResponseSchema.parse(await res.json()).tasks).toEqual([]);
  });
});
