import { describe, expect, it } from 'vitest';
import { signRequest } from '../shared/volc-signature.ts';
import { officialSignedRequest } from './official-signer.ts';
import { errorOf, getTask, taskOf, testSim, T0 } from './sim-test-kit.ts';
import { parseXDate } from './verify-request.ts';

const MIN = 60_000;
const LIVE = { AppId: 'demo-app', RoomId: 'room-live', TaskId: 'live-mix' };
const PARAMS = { Action: 'GetPushMixedStreamToCDNTask', Version: '2020-12-01', ...LIVE };

async function errorCode(res: Response) {
  const body = (await res.json()) as { ResponseMetadata: { Error?: { Code: string } } };
  return { status: res.status, code: body.ResponseMetadata.Error?.Code };
}

describe('signature V4 verification', () => {
  it('accepts a GET signed by the official @volcengine/openapi Signer', async () => {
    const t = testSim();
    const answer = await getTask(t, LIVE);
    expect(answer.status).toBe(200);
    expect(taskOf(answer)['Status']).toBe(2);
  });

  it('accepts the shared signer too, also when it signs the host as the Go SDK does', async () => {
    const t = testSim();
    for (const host of [undefined, 'rtc.volcengineapi.com']) {
      const signed = await signRequest({
        method: 'GET', query: PARAMS, credentials: t.sim.credentials, region: 'cn-north-1', service: 'rtc', date: new Date(T0),
        ...(host ? { host } : {}),
      });
      const res = await t.sim.fetch(new Request(`https://rtc.volcengineapi.com/?${signed.query}`, { headers: signed.headers }));
      expect(res.status).toBe(200);
    }
  });

  it('encodes @ as %40: a client TaskId signed by the official Signer verifies', async () => {
    const t = testSim();
    const answer = await getTask(t, { AppId: 'demo-app', RoomId: 'room-client', TaskId: 'lily@@cam-mix' });
    expect(answer.status).toBe(200);
  });

  it('answers MissingAuthenticationToken (401) without an Authorization header', async () => {
    const t = testSim();
    const res = await t.sim.fetch(new Request('https://rtc.volcengineapi.com/?Action=GetPushMixedStreamToCDNTask&Version=2020-12-01&AppId=a&RoomId=r&TaskId=t'));
    expect(await errorCode(res)).toEqual({ status: 401, code: 'MissingAuthenticationToken' });
  });

  it('answers SignatureDoesNotMatch (401) for a wrong secret key', async () => {
    const t = testSim();
    expect(errorOf(await getTask(t, LIVE, { secretKey: 'not-the-secret' }))).toEqual({ code: 'SignatureDoesNotMatch', status: 401 });
  });

  it('answers SignatureDoesNotMatch when the query was changed after signing', async () => {
    const t = testSim();
    const req = officialSignedRequest({ params: PARAMS, credentials: t.sim.credentials, date: new Date(T0) });
    const tampered = new Request(req.url.replace('live-mix', 'other-mix'), { headers: req.headers });
    expect(await errorCode(await t.sim.fetch(tampered))).toEqual({ status: 401, code: 'SignatureDoesNotMatch' });
  });

  it('answers SignatureDoesNotMatch when a POST body was changed after signing', async () => {
    const t = testSim();
    const body = JSON.stringify({ AppId: 'demo-app', RoomId: 'room-live', TaskId: 'live-mix' });
    const req = officialSignedRequest({ method: 'POST', params: { Action: 'StopPushStreamToCDN', Version: '2020-12-01' }, body, credentials: t.sim.credentials, date: new Date(T0) });
    const tampered = new Request(req.url, { method: 'POST', headers: req.headers, body: body.replace('live-mix', 'pk-mix') });
    expect(await errorCode(await t.sim.fetch(tampered))).toEqual({ status: 401, code: 'SignatureDoesNotMatch' });
  });

  it('answers InvalidAccessKey (401) for an unknown access key', async () => {
    const t = testSim();
    const req = officialSignedRequest({ params: PARAMS, credentials: { accessKeyId: 'AKLTunknown', secretKey: 'x' }, date: new Date(T0) });
    expect(await errorCode(await t.sim.fetch(req))).toEqual({ status: 401, code: 'InvalidAccessKey' });
  });

  it('answers InvalidAuthorization (400) for a malformed Authorization header', async () => {
    const t = testSim();
    const res = await t.sim.fetch(new Request('https://rtc.volcengineapi.com/?Action=GetPushMixedStreamToCDNTask&Version=2020-12-01', { headers: { Authorization: 'HMAC-SHA256 Signature=abc' } }));
    expect(await errorCode(res)).toEqual({ status: 400, code: 'InvalidAuthorization' });
  });

  it('answers InvalidTimestamp (403) for an X-Date more than 15 minutes off, either way', async () => {
    const t = testSim();
    for (const skew of [-16 * MIN, 16 * MIN]) {
      expect(errorOf(await getTask(t, LIVE, { date: new Date(T0 + skew) }))).toEqual({ code: 'InvalidTimestamp', status: 403 });
    }
    for (const skew of [-14 * MIN, 14 * MIN]) expect((await getTask(t, LIVE, { date: new Date(T0 + skew) })).status).toBe(200);
  });

  it('checks X-Date against the wall clock, not the accelerated task clock', async () => {
    const t = testSim({ speed: 3600 });
    t.tick(MIN); // an hour of task time per second: an hour of wall time would not pass
    expect((await getTask(t, LIVE)).status).toBe(200);
  });

  it('answers InvalidTimestamp for the dashed ISO form a doc page shows', async () => {
    const t = testSim();
    const req = officialSignedRequest({ params: PARAMS, credentials: t.sim.credentials, date: new Date(T0) });
    const headers = new Headers(req.headers);
    headers.set('X-Date', '2025-01-02T10:00:00Z');
    expect(await errorCode(await t.sim.fetch(new Request(req.url, { headers })))).toEqual({ status: 403, code: 'InvalidTimestamp' });
  });
});

describe('parseXDate', () => {
  it('reads the signing format and nothing else', () => {
    expect(parseXDate('20250102T100000Z')).toBe(T0);
    expect(parseXDate('20240230T000000Z')).toBeUndefined(); // no 30 February
    expect(parseXDate('2025-01-02T10:00:00Z')).toBeUndefined();
    expect(parseXDate('')).toBeUndefined();
  });
});
