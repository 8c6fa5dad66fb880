import { describe, expect, it } from 'vitest';
import { ApiErrorBodySchema } from '../shared/mixscope-api.ts';
import { createSimulator } from '../simulator/simulator.ts';
import { createApp } from './app.ts';
import { createGovernor } from './governor/governor.ts';
import { createFaultSwitch, FAULT_VALUE, type FaultSwitch } from './simulator-faults.ts';
import { testConfig } from './test-support.ts';
import { createUpstreamFor } from './upstream-factory.ts';
import { systemClock } from './clock/scheduler-clock.ts';

const LIVE = { appId: 'demo-app', roomId: 'room-live', taskId: 'live-mix' };
const LIVE_QUERY = '/api/task?appId=demo-app&roomId=room-live&taskId=live-mix';
const req = (q: string) => new Request(`https://rtc.volcengineapi.com/?Action=GetPushMixedStreamToCDNTask&Version=2020-12-01&${q}`);

describe('createFaultSwitch', () => {
  it('adds the fault header to the next N matching calls only', () => {
    const faults = createFaultSwitch();
    faults.add({ fault: '500', remaining: 2, match: { roomId: 'r1' } });
    expect(faults.apply(req('AppId=a&RoomId=r2&TaskId=t')).headers.get('x-mixscope-fault')).toBeNull();
    expect(faults.apply(req('AppId=a&RoomId=r1&TaskId=t')).headers.get('x-mixscope-fault')).toBe('500');
    expect(faults.apply(req('AppId=a&RoomId=r1&TaskId=u')).headers.get('x-mixscope-fault')).toBe('500');
    expect(faults.apply(req('AppId=a&RoomId=r1&TaskId=t')).headers.get('x-mixscope-fault')).toBeNull();
    expect(faults.list()).toEqual([]);
  });

  it('keeps the request signal, method and URL', () => {
    const faults = createFaultSwitch();
    faults.add({ fault: 'timeout', remaining: 1, match: {} });
    const controller = new AbortController();
    const original = new Request(req('AppId=a&RoomId=r&TaskId=t'), { signal: controller.signal });
    const out = faults.apply(original);
    controller.abort();
    expect(out.signal.aborted).toBe(true);
    expect(out.url).toBe(original.url);
  });

  it.each(['500', '5xx', 'malformed', 'timeout', 'throttle', 'latency=800', 'latency=800,500'])('accepts %s', (v) => expect(FAULT_VALUE.test(v)).toBe(true));
  it.each(['', '200', 'latency=', 'latency=1234567', 'drop tables', '500,500,500,500,500'])('refuses %j', (v) => expect(FAULT_VALUE.test(v)).toBe(false));
});

async function faultyApp(enabled = true) {
  const config = testConfig({ upstream: 'simulator', credentials: undefined, endpoint: 'https://rtc.volcengineapi.com', endpointHost: 'rtc.volcengineapi.com', simulatorFaults: enabled, cacheMs: 0 });
  const faults: FaultSwitch = createFaultSwitch();
  const upstream = await createUpstreamFor(config, {
    clock: Date.now, fetch: () => Promise.reject(new Error('no network')), loadSimulator: async (region) => createSimulator({ seed: 3, region }), faults,
  });
  // Quick retries, so the test does not wait for the production backoff.
  const governor = createGovernor({ upstream, clock: systemClock, qps: 50, cacheMs: 0, retry: { baseMs: 2, throttleBaseMs: 2 } });
  const app = createApp({ config, upstream, clock: Date.now, governor, faults });
  const setFault = (fault: string, count: number, match: object = LIVE) =>
    app.request('/api/simulator/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fault, count, ...match }) });
  return { app, governor, setFault };
}

describe('the fault switch route, against the real simulator', () => {
  it('three 500s outlast the server\'s retries: the browser gets 502 with the code; then it recovers', async () => {
    const { app, setFault } = await faultyApp();
    expect((await setFault('500', 3)).status).toBe(201);
    const res = await app.request(LIVE_QUERY);
    expect(res.status).toBe(502);
    const { error } = ApiErrorBodySchema.parse(await res.json());
    expect(error.upstream?.code).toBe('InternalError');
    expect(error.unreachableSince).toBeTypeOf('number');
    expect((await app.request(LIVE_QUERY)).status).toBe(200);
  });

  it('one 500 is retried away before anyone sees it', async () => {
    const { app, setFault } = await faultyApp();
    await setFault('503', 1);
    expect((await app.request(LIVE_QUERY)).status).toBe(200);
  });

  it('a FlowLimitExceeded is retried and slows the whole server down', async () => {
    const { app, governor, setFault } = await faultyApp();
    await setFault('throttle', 1);
    expect((await app.request(LIVE_QUERY)).status).toBe(200);
    expect(governor.state().rate).toBe(25);
  });

  it('malformed JSON is reported as an unreadable answer', async () => {
    const { app, setFault } = await faultyApp();
    await setFault('malformed', 1);
    const res = await app.request(LIVE_QUERY);
    expect(res.status).toBe(502);
    expect(ApiErrorBodySchema.parse(await res.json()).error.kind).toBe('bad-upstream-body');
  });

  it('faults for one task leave the others alone', async () => {
    const { app, setFault } = await faultyApp();
    await setFault('500', 50);
    expect((await app.request('/api/task?appId=demo-app&roomId=pk-arena-7&taskId=pk-mix')).status).toBe(200);
  });

  it('lists and clears pending faults, and refuses nonsense', async () => {
    const { app, setFault } = await faultyApp();
    await setFault('latency=50', 5);
    expect(await (await app.request('/api/simulator/faults')).json()).toMatchObject({ rules: [{ fault: 'latency=50', remaining: 5 }] });
    expect((await app.request('/api/simulator/faults', { method: 'DELETE' })).status).toBe(200);
    expect(await (await app.request('/api/simulator/faults')).json()).toEqual({ rules: [] });
    expect((await setFault('rm -rf', 1)).status).toBe(400);
    expect((await setFault('500', 0)).status).toBe(400);
    expect((await setFault('500', 1, { appId: 'bad id' })).status).toBe(400);
  });

  it('does not exist unless MIXSCOPE_SIMULATOR_FAULTS is on', async () => {
    const { setFault } = await faultyApp(false);
    expect((await setFault('500', 1)).status).toBe(404);
  });
});
