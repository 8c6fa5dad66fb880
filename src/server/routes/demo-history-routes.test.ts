import { describe, expect, it } from 'vitest';
import { DemoHistoryResponseSchema } from '../../shared/demo-history-api.ts';
import { createSimulator } from '../../simulator/simulator.ts';
import { createApp } from '../app.ts';
import { fakeUpstream, testConfig } from '../test-support.ts';
import { demoSteps } from './demo-history-routes.ts';

const T0 = Date.UTC(2025, 0, 2, 10, 0, 0);
const CLASS = 'appId=demo-app&roomId=class-math-101&taskId=class-mix';

function appWith(upstream: 'simulator' | 'volcengine', appIds?: string[]) {
  const simulator = createSimulator({ seed: 7, now: () => T0 });
  const config = testConfig({ upstream, ...(appIds ? { appIds } : {}) });
  const past = simulator.past.bind(simulator);
  return createApp({ config, upstream: fakeUpstream({ kind: 'unreachable', reason: 'network', message: 'not used' }), clock: () => T0, demoPast: { past } });
}

describe('GET /api/demo-history', () => {
  it('answers the simulator\'s past of a demo task, marked demo, with its configuration changes and the push URL masked', async () => {
    const res = await appWith('simulator').request(`/api/demo-history?${CLASS}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const body = DemoHistoryResponseSchema.parse(await res.json());
    expect(body.origin).toBe('demo');
    expect(body.steps[0]?.at).toBe(body.startTime);
    expect(body.steps.at(-1)?.at).toBeLessThanOrEqual(body.now);
    const configured = body.steps.filter((s) => s.payload !== null);
    // The first answer, then the screen share 15 minutes in (a full update: streams and layout).
    expect(configured.map((s) => s.changed)).toEqual([[], ['layout', 'streams']]);
    expect(JSON.stringify(configured)).not.toContain('txSecret=5f1c');
    expect(JSON.stringify(configured)).toContain('rtmp://push.live.example.com/live/');
  });

  it('is empty for a task the simulator does not hold', async () => {
    const body = DemoHistoryResponseSchema.parse(await (await appWith('simulator').request('/api/demo-history?appId=demo-app&roomId=nowhere&taskId=x')).json());
    expect(body.steps).toEqual([]);
    expect(body.startTime).toBeNull();
  });

  it('does not exist with a real upstream, and keeps to MIXSCOPE_APP_IDS', async () => {
    expect((await appWith('volcengine').request(`/api/demo-history?${CLASS}`)).status).toBe(404);
    expect((await appWith('simulator', ['other-app']).request(`/api/demo-history?${CLASS}`)).status).toBe(403);
    expect((await appWith('simulator').request('/api/demo-history?appId=demo-app')).status).toBe(400);
  });
});

describe('demoSteps', () => {
  const task = (extra: Record<string, unknown>) => ({ PushURL: 'rtmp://a/b/c?k=1', Status: 2, Layout: { LayoutMode: 2 }, Encode: { VideoFps: 15 }, ...extra });
  const step = (at: number, t: Record<string, unknown> | null) => ({ at, status: 2, pushState: 5, stopReason: '', endTime: 0, sequenceNumber: at, task: t });

  it('names what changed between two configurations, `other` when none of the named parts did, nothing on state-only steps', () => {
    const out = demoSteps([step(1, task({})), step(2, null), step(3, task({ Encode: { VideoFps: 30 } })), step(4, task({ Encode: { VideoFps: 30 }, BusinessId: 'x' }))]);
    expect(out.map((s) => s.changed)).toEqual([[], [], ['encode'], ['other']]);
    expect(out.map((s) => [s.stopReason, s.endTime])).toEqual([[null, null], [null, null], [null, null], [null, null]]);
    expect(out[1]?.payload).toBeNull();
  });
});
