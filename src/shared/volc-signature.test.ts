// eslint-disable-next-line no-restricted-imports -- test only, never bundled: loads the official CJS signer to compare against
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canonicalQueryString,
  computeSignature,
  constantTimeEqual,
  EMPTY_BODY_SHA256,
  encodeRfc3986,
  formatXDate,
  parseAuthorization,
  sha256Hex,
  signRequest,
  type VolcCredentials,
} from './volc-signature.ts';

// The official signer is CommonJS with `exports.default = Signer`; a default import under ESM
// yields the module object, and the package root drags in axios and protobufjs (toolchain.md #8).
const require = createRequire(import.meta.url);
interface OfficialRequest {
  region: string;
  method: string;
  pathname?: string;
  params: Record<string, string>;
  headers: Record<string, string>;
  body?: string;
}
type OfficialSigner = new (req: OfficialRequest, service: string) => {
  addAuthorization(credentials: VolcCredentials, date?: Date): void;
};
const sign = require('@volcengine/openapi/lib/base/sign') as {
  default: OfficialSigner;
  queryParamsToString(params: Record<string, string>): string;
};

const DATE = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678));
const CREDS: VolcCredentials = { accessKeyId: 'AKLTexampleAccessKey', secretKey: 'c2VjcmV0LWtleS1leGFtcGxl' };

function official(params: Record<string, string>, credentials: VolcCredentials, body?: string) {
  const req: OfficialRequest = { region: 'cn-north-1', method: body === undefined ? 'GET' : 'POST', pathname: '/', params: { ...params }, headers: {} };
  if (body !== undefined) req.body = body;
  new sign.default(req, 'rtc').addAuthorization(credentials, DATE);
  return { headers: req.headers, query: sign.queryParamsToString(req.params) };
}

function ours(params: Record<string, string>, credentials: VolcCredentials, body?: string) {
  return signRequest({
    method: body === undefined ? 'GET' : 'POST', path: '/', query: params, credentials,
    region: 'cn-north-1', service: 'rtc', date: DATE, ...(body !== undefined ? { body } : {}),
  });
}

const base = { Action: 'GetPushMixedStreamToCDNTask', Version: '2020-12-01', AppId: '661e6d9d8f5c', RoomId: 'room-1' };
const cases: Record<string, Record<string, string>> = {
  'plain ids': { ...base, TaskId: 'task_1' },
  'client task with @@': { ...base, TaskId: 'user@@task', UserId: 'user.1' },
  'space, star and reserved characters': { ...base, TaskId: "a b*c!d'e(f)g~h", UserId: 'x+y/z=&?#' },
  'non-ASCII': { ...base, RoomId: '房间-1', UserId: 'ünïcødé😀' },
  'empty value': { ...base, TaskId: '', UserId: 'u' },
};

describe('signRequest matches the official @volcengine/openapi Signer', () => {
  for (const [name, params] of Object.entries(cases)) {
    it(`GET, ${name}`, async () => {
      const want = official(params, CREDS);
      const got = await ours(params, CREDS);
      expect(got.headers).toEqual(want.headers);
      expect(got.query).toBe(want.query);
      expect(got.headers['Authorization']).toMatch(/^HMAC-SHA256 Credential=AKLTexampleAccessKey\/20240102\/cn-north-1\/rtc\/request, SignedHeaders=x-date, Signature=[0-9a-f]{64}$/);
    });
  }

  it('with a session token: signs x-date;x-security-token and sends the token', async () => {
    const creds = { ...CREDS, sessionToken: 'STS token/with+symbols==' };
    const want = official(cases['client task with @@'] ?? {}, creds);
    const got = await ours(cases['client task with @@'] ?? {}, creds);
    expect(got.headers).toEqual(want.headers);
    expect(got.headers['X-Security-Token']).toBe('STS token/with+symbols==');
    expect(got.headers['Authorization']).toContain('SignedHeaders=x-date;x-security-token,');
  });

  it('with a body: adds X-Content-Sha256 and signs it', async () => {
    const body = JSON.stringify({ AppId: 'a', RoomId: 'r', TaskId: 't' });
    const got = await ours({ Action: 'StartPushMixedStreamToCDN', Version: '2020-12-01' }, CREDS, body);
    const want = official({ Action: 'StartPushMixedStreamToCDN', Version: '2020-12-01' }, CREDS, body);
    expect(got.headers).toEqual(want.headers);
    expect(got.headers['X-Content-Sha256']).toBe(await sha256Hex(body));
    expect(got.headers['Authorization']).toContain('SignedHeaders=x-content-sha256;x-date,');
  });

  it('extra headers: signs the signable ones with collapsed whitespace, as the official signer does', async () => {
    const extra = { 'Content-Type': 'application/json', 'X-Custom': '  a \t  b  ' };
    const req: OfficialRequest = { region: 'cn-north-1', method: 'GET', pathname: '/', params: { ...base }, headers: { ...extra } };
    new sign.default(req, 'rtc').addAuthorization(CREDS, DATE);
    const got = await signRequest({ method: 'GET', query: base, headers: extra, credentials: CREDS, region: 'cn-north-1', service: 'rtc', date: DATE });
    expect(got.headers).toEqual(req.headers);
    expect(got.headers['Authorization']).toContain('SignedHeaders=x-custom;x-date,');
  });

  it('host option: signs host (Go SDK style) without adding a Host header', async () => {
    const got = await signRequest({ method: 'GET', host: 'rtc.volcengineapi.com', query: base, credentials: CREDS, region: 'cn-north-1', service: 'rtc', date: DATE });
    expect(got.headers['Authorization']).toContain('SignedHeaders=host;x-date,');
    expect(Object.keys(got.headers).sort()).toEqual(['Authorization', 'X-Date']);
    const parsed = parseAuthorization(got.headers['Authorization']);
    if (!parsed.ok) throw new Error(parsed.reason);
    const recomputed = await computeSignature({
      method: 'GET', query: base, headers: { Host: 'rtc.volcengineapi.com', 'X-Date': '20240102T030405Z' }, signedHeaders: parsed.value.signedHeaders,
      bodySha256: EMPTY_BODY_SHA256, secretKey: CREDS.secretKey, region: 'cn-north-1', service: 'rtc', xDate: '20240102T030405Z',
    });
    expect(recomputed).toBe(parsed.value.signature);
  });

  it('property: random ID-like params sign identically', async () => {
    const id = fc.stringMatching(/^[a-zA-Z0-9_@.-]{1,128}$/);
    await fc.assert(
      fc.asyncProperty(id, id, fc.option(id, { nil: undefined }), fc.option(id, { nil: undefined }), fc.constantFrom('2020-12-01', '2023-06-01', '2023-11-01'),
        async (appId, roomId, taskId, userId, version) => {
          const params: Record<string, string> = { Action: 'GetPushMixedStreamToCDNTask', Version: version, AppId: appId, RoomId: roomId };
          if (taskId !== undefined) params['TaskId'] = taskId;
          if (userId !== undefined) params['UserId'] = userId;
          const got = await ours(params, CREDS);
          expect(got.headers['Authorization']).toBe(official(params, CREDS).headers['Authorization']);
        }),
      { numRuns: 200 },
    );
  });
});

describe('the derived signing key, kept between requests', () => {
  it('property: requests interleaved across secret keys, days and regions each sign as the official signer does', async () => {
    const secrets = ['c2VjcmV0LWtleS1leGFtcGxl', 'another-secret', 'a third one'];
    const days = [DATE, new Date(Date.UTC(2024, 0, 3, 0, 0, 0)), new Date(Date.UTC(2025, 6, 9, 23, 59, 59))];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...secrets), fc.constantFrom(...days), fc.constantFrom('cn-north-1', 'ap-singapore-1')), { minLength: 1, maxLength: 8 }),
        async (requests) => {
          for (const [secretKey, date, region] of requests) {
            const credentials = { ...CREDS, secretKey };
            const req: OfficialRequest = { region, method: 'GET', pathname: '/', params: { ...base }, headers: {} };
            new sign.default(req, 'rtc').addAuthorization(credentials, date);
            const got = await signRequest({ method: 'GET', path: '/', query: base, credentials, region, service: 'rtc', date });
            expect(got.headers['Authorization']).toBe(req.headers['Authorization']);
          }
        }),
      { numRuns: 60 },
    );
  });
});

describe('encoding', () => {
  it.each([
    ['a b', 'a%20b'], ['a@b', 'a%40b'], ['a*b', 'a%2Ab'], ["!'()", '%21%27%28%29'], ['~-_.', '~-_.'],
    ['+/=?&#', '%2B%2F%3D%3F%26%23'], ['é', '%C3%A9'], ['😀', '%F0%9F%98%80'], ['', ''],
  ])('encodeRfc3986(%j) = %s', (input, want) => {
    expect(encodeRfc3986(input)).toBe(want);
  });

  it('throws on a lone surrogate instead of signing something the server cannot decode', () => {
    expect(() => encodeRfc3986('\uD800')).toThrow(URIError);
  });

  it('sorts keys and encodes both sides', () => {
    expect(canonicalQueryString({ b: '2', A: 'x y', a: '@' })).toBe('A=x%20y&a=%40&b=2');
    expect(canonicalQueryString({})).toBe('');
  });

  it('formats X-Date as YYYYMMDDTHHMMSSZ in UTC, dropping milliseconds', () => {
    expect(formatXDate(DATE)).toBe('20240102T030405Z');
    expect(formatXDate(new Date(Date.UTC(2020, 10, 3, 10, 40, 27)))).toBe('20201103T104027Z');
  });

  it('hashes the empty body to the well-known constant', async () => {
    expect(await sha256Hex('')).toBe(EMPTY_BODY_SHA256);
  });
});

describe('verification helpers', () => {
  it('parseAuthorization + computeSignature recompute what signRequest produced', async () => {
    const creds = { ...CREDS, sessionToken: 'tok' };
    const signed = await ours(cases['space, star and reserved characters'] ?? {}, creds);
    const parsed = parseAuthorization(signed.headers['Authorization']);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.value).toMatchObject({ accessKeyId: CREDS.accessKeyId, scopeDate: '20240102', region: 'cn-north-1', service: 'rtc', signedHeaders: ['x-date', 'x-security-token'] });
    // A verifier sees only the URL: decode it as a server would, then recompute.
    const query = Object.fromEntries(signed.query.split('&').map((kv) => kv.split('=').map(decodeURIComponent) as [string, string]));
    const recomputed = await computeSignature({
      method: 'GET', query, headers: { 'x-date': signed.headers['X-Date'] ?? '', 'x-security-token': 'tok' },
      signedHeaders: parsed.value.signedHeaders, bodySha256: EMPTY_BODY_SHA256, secretKey: CREDS.secretKey,
      region: parsed.value.region, service: parsed.value.service, xDate: signed.headers['X-Date'] ?? '',
    });
    expect(recomputed).toBe(parsed.value.signature);
    const wrongKey = await computeSignature({
      method: 'GET', query, headers: { 'x-date': signed.headers['X-Date'] ?? '', 'x-security-token': 'tok' },
      signedHeaders: parsed.value.signedHeaders, bodySha256: EMPTY_BODY_SHA256, secretKey: 'other',
      region: 'cn-north-1', service: 'rtc', xDate: signed.headers['X-Date'] ?? '',
    });
    expect(wrongKey).not.toBe(parsed.value.signature);
  });

  it.each([
    [undefined, 'missing'],
    ['Bearer abc', 'not "HMAC-SHA256'],
    ['HMAC-SHA256 Credential=AK/20240102/cn-north-1/rtc, SignedHeaders=x-date, Signature=ab', 'AccessKeyId/YYYYMMDD'],
    ['HMAC-SHA256 Credential=AK/2024-01-02/cn-north-1/rtc/request, SignedHeaders=x-date, Signature=ab', 'YYYYMMDD'],
    ['HMAC-SHA256 Credential=AK/20240102/cn-north-1/rtc/aws4_request, SignedHeaders=x-date, Signature=ab', 'end with "request"'],
  ])('parseAuthorization rejects %j', (header, reason) => {
    const result = parseAuthorization(header);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('constantTimeEqual compares exactly', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
  });
});
