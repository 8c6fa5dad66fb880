import { describe, expect, it } from 'vitest';
import type { TaskRef } from '../shared/task-ref.ts';
import { computeSignature, EMPTY_BODY_SHA256, parseAuthorization } from '../shared/volc-signature.ts';
import { createUpstreamClient, type FetchLike, type UpstreamOutcome } from './upstream-client.ts';

const CREDS = { accessKeyId: 'AKLTtestAccessKey', secretKey: 'TestSecretKey+/=' };
const NOW = Date.UTC(2024, 0, 2, 3, 4, 5);
const REF: TaskRef = { appId: 'app1', roomId: 'room-1', taskId: 'u1@@t1', userId: 'u1', version: '2023-11-01' };
const TASK = { Status: 2, PushStreamState: 5, StartTime: NOW - 60_000 };

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function client(fetch: FetchLike, extra: Partial<Parameters<typeof createUpstreamClient>[0]> = {}) {
  return createUpstreamClient({ fetch, endpoint: 'https://rtc.example.test', credentials: CREDS, region: 'cn-north-1', timeoutMs: 200, clock: () => NOW, ...extra });
}

function recording(answer: () => Response | Promise<Response>) {
  const seen: Request[] = [];
  const fetch: FetchLike = async (req) => { seen.push(req); return answer(); };
  return { seen, fetch };
}

const okBody = { ResponseMetadata: { RequestId: 'req-1', Action: 'GetPushMixedStreamToCDNTask' }, Result: { PushMixedStreamToCDNTask: TASK } };

describe('the request it sends', () => {
  it('is a signed GET for GetPushMixedStreamToCDNTask to the configured endpoint only', async () => {
    const { seen, fetch } = recording(() => json(okBody));
    await client(fetch).getTask(REF);
    expect(seen).toHaveLength(1);
    const req = seen[0]!;
    const url = new URL(req.url);
    expect(req.method).toBe('GET');
    expect(url.origin + url.pathname).toBe('https://rtc.example.test/');
    expect(url.search).toBe('?Action=GetPushMixedStreamToCDNTask&AppId=app1&RoomId=room-1&TaskId=u1%40%40t1&UserId=u1&Version=2023-11-01');
    expect(req.headers.get('x-date')).toBe('20240102T030405Z');
    expect(req.headers.get('x-security-token')).toBeNull();

    // Verify the way the simulator will: recompute from what is on the wire.
    const auth = parseAuthorization(req.headers.get('authorization'));
    if (!auth.ok) throw new Error(auth.reason);
    expect(auth.value).toMatchObject({ accessKeyId: CREDS.accessKeyId, scopeDate: '20240102', region: 'cn-north-1', service: 'rtc', signedHeaders: ['x-date'] });
    const signature = await computeSignature({
      method: 'GET', query: Object.fromEntries(url.searchParams), headers: Object.fromEntries(req.headers),
      signedHeaders: auth.value.signedHeaders, bodySha256: EMPTY_BODY_SHA256, secretKey: CREDS.secretKey,
      region: 'cn-north-1', service: 'rtc', xDate: req.headers.get('x-date') ?? '',
    });
    expect(signature).toBe(auth.value.signature);
    const wire = req.url + JSON.stringify([...req.headers]);
    expect(wire).not.toContain(CREDS.secretKey);
  });

  it('leaves out TaskId or UserId when the reference has none, and sends the session token', async () => {
    const { seen, fetch } = recording(() => json(okBody));
    const { taskId: _omit, ...byUser } = REF;
    await client(fetch, { credentials: { ...CREDS, sessionToken: 'sts' } }).getTask({ ...byUser, version: '2020-12-01' });
    const req = seen[0]!;
    expect([...new URL(req.url).searchParams.keys()]).toEqual(['Action', 'AppId', 'RoomId', 'UserId', 'Version']);
    expect(req.headers.get('x-security-token')).toBe('sts');
    expect(req.headers.get('authorization')).toContain('SignedHeaders=x-date;x-security-token,');
  });
});

describe('what it returns', () => {
  const cases: [string, () => Response, UpstreamOutcome][] = [
    ['the task on success', () => json(okBody), { kind: 'ok', requestId: 'req-1', task: TASK, fetchedAt: NOW }],
    ['an upstream error sent with HTTP 200', () => json({ ResponseMetadata: { RequestId: 'req-2', Error: { Code: 'InvalidParameter.ErrorActiveTaskNotFound', CodeN: '10009', Message: 'task not found' } } }),
      { kind: 'upstream-error', fetchedAt: NOW, error: { code: 'InvalidParameter.ErrorActiveTaskNotFound', codeN: 10009, message: 'task not found', requestId: 'req-2', httpStatus: 200 } }],
    ['throttling with HTTP 429', () => json({ ResponseMetadata: { RequestId: 'req-3', Error: { Code: 'AccountFlowLimitExceeded', Message: 'slow down' } } }, 429),
      { kind: 'upstream-error', fetchedAt: NOW, error: { code: 'AccountFlowLimitExceeded', message: 'slow down', requestId: 'req-3', httpStatus: 429 } }],
    ['bad-body for malformed JSON', () => new Response('<html>502 Bad Gateway</html>', { status: 502 }),
      { kind: 'bad-body', httpStatus: 502, message: 'The answer from rtc.example.test (HTTP 502) is not JSON.' }],
    ['bad-body for JSON that is not the envelope', () => json({ hello: 'world' }),
      { kind: 'bad-body', httpStatus: 200, message: 'Volcengine answered HTTP 200 without the documented ResponseMetadata envelope.' }],
    ['bad-body for success without the task', () => json({ ResponseMetadata: { RequestId: 'req-4' }, Result: {} }),
      { kind: 'bad-body', httpStatus: 200, requestId: 'req-4', message: 'The answer from rtc.example.test reports success but has no Result.PushMixedStreamToCDNTask object.' }],
    ['bad-body for a task with a field nested 5,000 deep', () => new Response(`{"ResponseMetadata":{},"Result":{"PushMixedStreamToCDNTask":{"Deep":${'['.repeat(5000)}${']'.repeat(5000)}}}}`),
      { kind: 'bad-body', httpStatus: 200, message: 'The answer from rtc.example.test (HTTP 200) is malformed: the value at Result.PushMixedStreamToCDNTask.Deep[0]… is nested more than 64 levels deep, far beyond any task, so mixscope did not use it.' }],
    ['bad-body for a null task', () => json({ ResponseMetadata: { RequestId: 'req-5' }, Result: { PushMixedStreamToCDNTask: null } }),
      { kind: 'bad-body', httpStatus: 200, requestId: 'req-5', message: 'The answer from rtc.example.test reports success but has no Result.PushMixedStreamToCDNTask object.' }],
  ];
  it.each(cases)('%s', async (_name, answer, want) => {
    expect(await client(recording(answer).fetch).getTask(REF)).toEqual(want);
  });

  it('bad-body for a body far larger than a task', async () => {
    const big = json({ ResponseMetadata: {}, Result: { PushMixedStreamToCDNTask: { PushURL: 'x'.repeat(2000) } } });
    const out = await client(recording(() => big).fetch, { maxBodyBytes: 1000 }).getTask(REF);
    expect(out).toMatchObject({ kind: 'bad-body', httpStatus: 200 });
  });
});

describe('when the endpoint cannot be reached', () => {
  it('times out a fetch that never answers, even one that ignores the signal', async () => {
    // The fetch never settles: only the client's own timeout can end this call.
    const out = await client(() => new Promise<Response>(() => {}), { timeoutMs: 50 }).getTask(REF);
    expect(out).toEqual({ kind: 'unreachable', reason: 'timeout', message: 'No answer from rtc.example.test within 50 ms.' });
  });

  it('reports a network error by its code, never with credentials', async () => {
    const err = new TypeError('fetch failed', { cause: Object.assign(new Error(`connect failed for ${CREDS.secretKey}`), { code: 'ECONNREFUSED' }) });
    expect(await client(() => Promise.reject(err)).getTask(REF)).toEqual({ kind: 'unreachable', reason: 'network', message: 'Could not reach rtc.example.test: ECONNREFUSED.' });
    const leaky = new Error(`bad key ${CREDS.accessKeyId} / ${CREDS.secretKey}`);
    const out = await client(() => Promise.reject(leaky)).getTask(REF);
    expect(out.kind === 'unreachable' && out.message).toBe('Could not reach rtc.example.test: bad key [redacted] / [redacted].');
  });

  it('reports a cancelled request as aborted, not as a timeout', async () => {
    const caller = new AbortController();
    const pending = client(() => new Promise<Response>(() => {}), { timeoutMs: 5000 }).getTask(REF, caller.signal);
    caller.abort();
    expect(await pending).toMatchObject({ kind: 'unreachable', reason: 'aborted' });
  });
});
