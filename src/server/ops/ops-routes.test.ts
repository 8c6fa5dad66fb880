import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { ServerConfig } from '../env.ts';
import { createGovernor } from '../governor/governor.ts';
import type { HistoryStore } from '../history/history-store.ts';
import { fakeUpstream, recordingLogger, TEST_NOW, testConfig } from '../test-support.ts';
import type { UpstreamOutcome } from '../upstream-client.ts';
import { createManualClock } from '../clock/manual-clock.ts';
import { createServerMetrics } from './server-metrics.ts';

const OK: UpstreamOutcome = { kind: 'ok', requestId: 'volc-req-42', task: { Status: 2 }, fetchedAt: TEST_NOW };
const TASK = '/api/task?appId=app1&roomId=room1&taskId=task1';

function opsApp(opts: { outcome?: UpstreamOutcome; config?: Partial<ServerConfig>; stopping?: boolean; storeOk?: boolean } = {}) {
  const clock = createManualClock(TEST_NOW);
  const upstream = fakeUpstream(opts.outcome ?? OK);
  const metrics = createServerMetrics();
  const governor = createGovernor({ upstream, clock, qps: 50, cacheMs: 1_000, events: metrics.governorEvents, breaker: { failureThreshold: 2 } });
  metrics.watchGovernor(governor.state);
  const logger = recordingLogger();
  const store = { getWatched: () => (opts.storeOk === false ? Promise.reject(new Error('closed')) : Promise.resolve(undefined)) } as unknown as HistoryStore;
  const app = createApp({
    config: testConfig(opts.config), upstream, clock: clock.now, logger, governor, metrics,
    history: { store, watcher: { watch: () => Promise.reject(new Error('unused')), unwatch: async () => false }, clock: clock.now },
    stopping: () => opts.stopping ?? false,
  });
  return { app, logger, upstream, clock };
}

describe('/healthz and /readyz', () => {
  it('healthz answers while the process runs, with no token needed', async () => {
    const res = await opsApp({ config: { token: 'a-long-enough-token' } }).app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('readyz is ready when the store answers and the circuit is closed', async () => {
    const res = await opsApp().app.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', checks: { stopping: true, store: true, upstream: true }, circuit: 'closed' });
  });

  it.each([
    ['stopping', { stopping: true }, 'stopping'],
    ['the store fails', { storeOk: false }, 'store'],
  ] as const)('readyz is 503 when %s', async (_what, opts, check) => {
    const res = await opsApp(opts).app.request('/readyz');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { checks: Record<string, boolean>; reasons: string[] };
    expect(body.checks[check]).toBe(false);
    expect(body.reasons).toEqual([check === 'stopping' ? 'the server is stopping' : 'the history store does not answer']);
  });

  it('readyz is 503 while the upstream circuit is open', async () => {
    const { app, clock } = opsApp({ outcome: { kind: 'unreachable', reason: 'network', message: 'ECONNREFUSED' } });
    const pending = app.request(TASK);
    await clock.advance(5_000);
    await pending;
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ checks: { upstream: false }, circuit: 'open', reasons: [expect.stringMatching(/circuit is open/)] });
  });
});

describe('/metrics', () => {
  it('is Prometheus text with upstream calls, cache hits and latency buckets', async () => {
    const { app } = opsApp();
    await app.request(TASK);
    await app.request(TASK);
    const res = await app.request('/metrics');
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('mixscope_upstream_calls_total{outcome="answered",priority="interactive"} 1');
    expect(text).toContain('mixscope_cache_hits_total{priority="interactive"} 1');
    expect(text).toMatch(/mixscope_upstream_latency_seconds_bucket\{le="\+Inf",priority="interactive"\} 1/);
    expect(text).toContain('mixscope_upstream_circuit_state{state="closed"} 1');
    expect(text).toContain('mixscope_upstream_rate_qps 50');
    expect(text).toMatch(/mixscope_http_requests_total\{code="2xx"\} 2/);
  });

  it('needs the token when one is set', async () => {
    expect((await opsApp({ config: { token: 'a-long-enough-token' } }).app.request('/metrics')).status).toBe(401);
  });
});

describe('request id and upstream RequestId', () => {
  it('answers X-Request-Id and logs it with the upstream RequestId and how the answer was served', async () => {
    const { app, logger } = opsApp();
    const res = await app.request(TASK);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = JSON.parse(logger.lines.find((l) => l.includes('"msg":"request"')) ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ reqId: id, path: '/api/task', status: 200, upstreamRequestId: 'volc-req-42', served: 'upstream' });
    expect(JSON.stringify(line)).not.toContain('task1'); // no query string in the log
  });

  it('keeps a plain inbound X-Request-Id (from a proxy) and replaces anything else', async () => {
    const { app } = opsApp();
    expect((await app.request('/healthz', { headers: { 'x-request-id': 'proxy-1234abcd' } })).headers.get('x-request-id')).toBe('proxy-1234abcd');
    expect((await app.request('/healthz', { headers: { 'x-request-id': 'bad id <script>' } })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('error bodies carry the circuit', () => {
  it('an open circuit is 503 unreachable with since-when, the state and Retry-After', async () => {
    const { app, clock, upstream } = opsApp({ outcome: { kind: 'unreachable', reason: 'network', message: 'Could not reach rtc.example.test: ECONNREFUSED.' } });
    const first = app.request(TASK);
    await clock.advance(5_000);
    expect((await first).status).toBe(504);
    const calls = upstream.calls.length;
    const res = await app.request(TASK);
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const { error } = (await res.json()) as { error: Record<string, unknown> };
    expect(error).toMatchObject({ kind: 'unreachable', circuit: 'open', unreachableSince: TEST_NOW });
    expect(error['message']).toMatch(/^Volcengine unreachable \(2 failed calls in a row\); mixscope pauses its queries and tries again in \d+ s\.$/);
    expect(upstream.calls.length).toBe(calls); // refused without asking
  });
});
