import { describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, ConfigResponseSchema, TaskResponseSchema } from '../shared/mixscope-api.ts';
import { createApp } from './app.ts';
import { createUpstreamClient, type FetchLike, type UpstreamOutcome } from './upstream-client.ts';
import { fakeUpstream, recordingLogger, TEST_CREDENTIALS, TEST_NOW, testConfig } from './test-support.ts';

const TASK = { Status: 2, PushStreamState: 5, StartTime: TEST_NOW - 1000 };
const OK: UpstreamOutcome = { kind: 'ok', requestId: 'req-ok', task: TASK, fetchedAt: TEST_NOW };
const QUERY = '/api/task?appId=app1&roomId=room1&taskId=task1';

function appWith(outcome: UpstreamOutcome = OK, configOverrides = {}) {
  const upstream = fakeUpstream(outcome);
  const logger = recordingLogger();
  const app = createApp({ config: testConfig(configOverrides), upstream, clock: () => TEST_NOW, logger });
  return { app, upstream, logger };
}

async function errorBody(res: Response) {
  return ApiErrorBodySchema.parse(await res.json()).error;
}

describe('GET /api/config', () => {
  it('describes the upstream without any secret', async () => {
    const { app } = appWith(OK, { qps: 42, token: undefined });
    const res = await app.request('/api/config');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(ConfigResponseSchema.parse(JSON.parse(text))).toEqual({
      upstream: 'volcengine', region: 'cn-north-1', endpointHost: 'rtc.example.test', qps: 42, authRequired: false, outputPull: false,
    });
    expect(text).not.toContain(TEST_CREDENTIALS.accessKeyId);
    expect(text).not.toContain(TEST_CREDENTIALS.secretKey);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('GET /api/task', () => {
  it('answers the task with the validated reference and the RequestId', async () => {
    const { app, upstream } = appWith();
    const res = await app.request(`${QUERY}&userId=u1&version=2023-06-01`);
    expect(res.status).toBe(200);
    expect(TaskResponseSchema.parse(await res.json())).toEqual({
      ref: { appId: 'app1', roomId: 'room1', taskId: 'task1', userId: 'u1', version: '2023-06-01' },
      fetchedAt: TEST_NOW, now: TEST_NOW, source: 'volcengine', requestId: 'req-ok', task: TASK, // now: the server's clock as it answered
    });
    expect(upstream.calls).toEqual([{ appId: 'app1', roomId: 'room1', taskId: 'task1', userId: 'u1', version: '2023-06-01' }]);
  });

  it.each([
    ['/api/task?roomId=r&taskId=t', 'appId', 'required'],
    ['/api/task?appId=a&roomId=r', 'taskId', 'needTaskOrUser'],
    ['/api/task?appId=a&roomId=r&taskId=t%20x', 'taskId', 'charset'],
    ['/api/task?appId=a&roomId=r&userId=u&version=2022-06-01', 'version', 'unknownVersion'],
    [`/api/task?appId=${'a'.repeat(129)}&roomId=r&userId=u`, 'appId', 'tooLong'],
  ])('%s is refused with 400 and nothing goes upstream', async (path, field, code) => {
    const { app, upstream } = appWith();
    const res = await app.request(path);
    expect(res.status).toBe(400);
    const error = await errorBody(res);
    expect(error.kind).toBe('invalid-input');
    expect(error.issues).toContainEqual(expect.objectContaining({ field, code }));
    expect(upstream.calls).toHaveLength(0);
  });

  const upstreamError = (code: string, httpStatus: number): UpstreamOutcome => ({
    kind: 'upstream-error', fetchedAt: TEST_NOW, error: { code, codeN: 10009, message: 'details', requestId: 'req-err', httpStatus },
  });

  it('maps an upstream error to 502 with everything support needs', async () => {
    const res = await appWith(upstreamError('InvalidParameter.ErrorActiveTaskNotFound', 200)).app.request(QUERY);
    expect(res.status).toBe(502);
    const error = await errorBody(res);
    expect(error).toEqual({
      kind: 'upstream',
      message: 'Volcengine refused the query with InvalidParameter.ErrorActiveTaskNotFound: details (RequestId req-err).',
      upstream: { code: 'InvalidParameter.ErrorActiveTaskNotFound', codeN: 10009, message: 'details', requestId: 'req-err', httpStatus: 200 },
    });
  });

  it.each(['FlowLimitExceeded', 'FlowLimitExceeded.QPSOverLimit', 'AccountFlowLimitExceeded'])('maps %s to 429 with Retry-After', async (code) => {
    const res = await appWith(upstreamError(code, 429)).app.request(QUERY);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    const error = await errorBody(res);
    expect(error).toMatchObject({ kind: 'upstream', retryAfter: 1, upstream: { code } });
  });

  it('names the simulator, not Volcengine, when the simulator answered', async () => {
    const res = await appWith(upstreamError('InvalidParameter', 200), { upstream: 'simulator', credentials: undefined }).app.request(QUERY);
    expect((await errorBody(res)).message).toMatch(/^The embedded simulator refused the query with InvalidParameter: details/);
  });

  it('does not mistake a look-alike code for throttling', async () => {
    expect((await appWith(upstreamError('FlowLimitExceededX', 400)).app.request(QUERY)).status).toBe(502);
  });

  it('maps unreachable to 504 and a bad body to 502 bad-upstream-body', async () => {
    const timeout = await appWith({ kind: 'unreachable', reason: 'timeout', message: 'No answer from rtc.example.test within 5000 ms.' }).app.request(QUERY);
    expect(timeout.status).toBe(504);
    // A failure that says the upstream is down carries the breaker's view: since when, and its
    // state, as fields for the reader's clock; the message stays free of raw timestamps.
    expect(await errorBody(timeout)).toEqual({
      kind: 'unreachable', message: 'No answer from rtc.example.test within 5000 ms.',
      unreachableSince: TEST_NOW, circuit: 'closed',
    });
    const bad = await appWith({ kind: 'bad-body', httpStatus: 200, message: 'not JSON' }).app.request(QUERY);
    expect(bad.status).toBe(502);
    expect(await errorBody(bad)).toMatchObject({ kind: 'bad-upstream-body', message: expect.stringMatching(/^not JSON/), unreachableSince: TEST_NOW });
  });
});

describe('unknown API paths', () => {
  it.each([['GET', '/api/nope'], ['GET', '/api'], ['POST', '/api/task'], ['GET', '/api/config/extra']])('%s %s is a JSON 404', async (method, path) => {
    const res = await appWith().app.request(path, { method });
    expect(res.status).toBe(404);
    expect((await errorBody(res)).kind).toBe('not-found');
  });
});

describe('through the real upstream client', () => {
  it('signs, forwards only the one action, and never leaks keys into responses or logs', async () => {
    const seen: Request[] = [];
    const fetch: FetchLike = async (req) => {
      seen.push(req);
      return Response.json({ ResponseMetadata: { RequestId: 'r1', Error: { Code: 'SignatureDoesNotMatch', Message: `bad ${TEST_CREDENTIALS.accessKeyId}` } } }, { status: 401 });
    };
    const upstream = createUpstreamClient({ fetch, endpoint: 'https://rtc.example.test', credentials: TEST_CREDENTIALS, region: 'cn-north-1', timeoutMs: 1000, clock: () => TEST_NOW });
    const logger = recordingLogger();
    const app = createApp({ config: testConfig(), upstream, clock: () => TEST_NOW, logger });
    const res = await app.request(`${QUERY}&Action=StopPushStreamToCDN`);
    expect(res.status).toBe(502);
    const url = new URL(seen[0]?.url ?? '');
    expect(url.host).toBe('rtc.example.test');
    expect(url.searchParams.getAll('Action')).toEqual(['GetPushMixedStreamToCDNTask']);
    const body = await res.text();
    expect(body).toContain('bad [redacted]');
    for (const text of [body, ...logger.lines]) {
      expect(text).not.toContain(TEST_CREDENTIALS.secretKey);
      expect(text).not.toContain(TEST_CREDENTIALS.accessKeyId);
    }
    expect(logger.lines.some((l) => l.includes('"status":502') && l.includes('"path":"/api/task"'))).toBe(true);
  });
});
