import { describe, expect, it } from 'vitest';
import {
  canonicalRequest, EMPTY_BODY_SHA256, parseAuthorization, sha256Hex, signRequest, type VolcCredentials,
} from './volc-signature.ts';

/**
 * The edges of the signer and the verifier's parser that the comparison with the official SDK does
 * not reach: what a caller may not override, empty bodies, and Authorization headers a client
 * might send in slightly different shapes.
 */

const DATE = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
const CREDS: VolcCredentials = { accessKeyId: 'AKLTexampleAccessKey', secretKey: 'c2VjcmV0LWtleS1leGFtcGxl' };
const query = { Action: 'GetPushMixedStreamToCDNTask', Version: '2020-12-01' };
const signing = { method: 'GET', query, credentials: CREDS, region: 'cn-north-1', service: 'rtc', date: DATE } as const;

describe('signRequest: what a caller cannot override', () => {
  it('replaces caller headers that the signer owns, whatever their case', async () => {
    const plain = await signRequest(signing);
    const forged = await signRequest({ ...signing, headers: { 'x-date': '19990101T000000Z', AUTHORIZATION: 'forged', 'X-Content-Sha256': 'ff', Host: 'evil.example', 'X-Security-Token': 'forged' } });
    expect(forged.headers).toEqual(plain.headers);
  });

  it('sends but never signs the headers the official signer leaves out', async () => {
    const extra = { 'Content-Type': 'application/json', 'Content-Length': '0', 'User-Agent': 'mixscope', 'Presigned-Expires': '60', Expect: '100-continue' };
    const got = await signRequest({ ...signing, headers: extra });
    expect(got.headers).toMatchObject(extra);
    expect(got.headers['Authorization']).toContain('SignedHeaders=x-date,');
    expect(got.headers['Authorization']).toBe((await signRequest(signing)).headers['Authorization']);
  });

  it('sends no X-Content-Sha256 for an empty body, and signs the empty-body hash', async () => {
    const empty = await signRequest({ ...signing, body: '' });
    expect(empty.headers).toEqual((await signRequest(signing)).headers);
    const bytes = await signRequest({ ...signing, method: 'POST', body: new TextEncoder().encode('{"a":1}') });
    expect(bytes.headers['X-Content-Sha256']).toBe(await sha256Hex('{"a":1}'));
    expect(bytes.headers['X-Content-Sha256']).not.toBe(EMPTY_BODY_SHA256);
  });

  it('does not send an empty session token', async () => {
    const got = await signRequest({ ...signing, credentials: { ...CREDS, sessionToken: '' } });
    expect(Object.keys(got.headers).sort()).toEqual(['Authorization', 'X-Date']);
  });

  it('signs a path other than / differently from /', async () => {
    const root = await signRequest(signing);
    const other = await signRequest({ ...signing, path: '/other' });
    expect(other.headers['Authorization']).not.toBe(root.headers['Authorization']);
  });
});

describe('canonicalRequest', () => {
  it('upper-cases the method, defaults the path to / and lists each signed header once, lower-case and sorted', () => {
    const text = canonicalRequest({
      method: 'get', query: { b: '2', a: '1' }, headers: { 'X-Date': '20240102T030405Z', 'X-Custom': ' a   b ' },
      signedHeaders: ['X-Date', 'x-custom', 'x-date'], bodySha256: EMPTY_BODY_SHA256,
    });
    expect(text).toBe(['GET', '/', 'a=1&b=2', 'x-custom:a b\nx-date:20240102T030405Z\n', 'x-custom;x-date', EMPTY_BODY_SHA256].join('\n'));
  });

  it('signs a declared header the request lacks as empty', () => {
    const text = canonicalRequest({ method: 'GET', path: '/p', query: {}, headers: {}, signedHeaders: ['x-date'], bodySha256: EMPTY_BODY_SHA256 });
    expect(text).toBe(['GET', '/p', '', 'x-date:\n', 'x-date', EMPTY_BODY_SHA256].join('\n'));
  });
});

describe('parseAuthorization: shapes', () => {
  const good = 'HMAC-SHA256 Credential=AK/20240102/cn-north-1/rtc/request, SignedHeaders=X-Date;x-security-token, Signature=ABCdef01';

  it('reads every part, lower-casing the header names and the signature', () => {
    expect(parseAuthorization(good)).toEqual({
      ok: true,
      value: { accessKeyId: 'AK', scopeDate: '20240102', region: 'cn-north-1', service: 'rtc', terminator: 'request', signedHeaders: ['x-date', 'x-security-token'], signature: 'abcdef01' },
    });
  });

  it('accepts other spacing around the separators, and surrounding whitespace', () => {
    const tight = 'HMAC-SHA256   Credential=AK/20240102/cn-north-1/rtc/request,SignedHeaders=x-date,Signature=ab';
    const loose = '  HMAC-SHA256 Credential=AK/20240102/cn-north-1/rtc/request ,  SignedHeaders=x-date ,  Signature=ab  ';
    for (const header of [tight, loose]) {
      const parsed = parseAuthorization(header);
      expect(parsed.ok && parsed.value.signedHeaders).toEqual(['x-date']);
      expect(parsed.ok && parsed.value.signature).toBe('ab');
    }
  });

  it('reads an empty SignedHeaders as no headers', () => {
    const parsed = parseAuthorization('HMAC-SHA256 Credential=AK/20240102/cn-north-1/rtc/request, SignedHeaders=, Signature=ab');
    expect(parsed.ok && parsed.value.signedHeaders).toEqual([]);
  });

  it.each([
    ['   ', 'The Authorization header is missing.'],
    [null, 'The Authorization header is missing.'],
    ['HMAC-SHA256Credential=AK/20240102/cn-north-1/rtc/request, SignedHeaders=x-date, Signature=ab', 'is not "HMAC-SHA256'],
    ['XHMAC-SHA256 Credential=AK/20240102/cn-north-1/rtc/request, SignedHeaders=x-date, Signature=ab', 'is not "HMAC-SHA256'],
    ['HMAC-SHA256 Credential=AK/20240102/cn-north-1/rtc/request, SignedHeaders=x-date, Signature=xyz', 'is not "HMAC-SHA256'],
    ['HMAC-SHA256 Credential=AK/20240102/cn-north-1/rtc/request, SignedHeaders=x-date, Signature=abcxyz', 'is not "HMAC-SHA256'],
    ['HMAC-SHA256 Credential=AK/20240102/cn-north-1/rtc/request, SignedHeaders=x-date, Signature=ab, Extra=1', 'is not "HMAC-SHA256'],
    ['HMAC-SHA256 Credential=, SignedHeaders=x-date, Signature=ab', 'is not "HMAC-SHA256'],
    ['HMAC-SHA256 Credential=AK/20240102/cn-north-1/rtc/request/x, SignedHeaders=x-date, Signature=ab', 'Credential must be AccessKeyId/YYYYMMDD/region/service/request.'],
    ['HMAC-SHA256 Credential=AK//cn-north-1/rtc/request, SignedHeaders=x-date, Signature=ab', 'Credential must be'],
    ['HMAC-SHA256 Credential=AK/202401021/cn-north-1/rtc/request, SignedHeaders=x-date, Signature=ab', 'The credential scope date is not YYYYMMDD.'],
    ['HMAC-SHA256 Credential=AK/x2024010/cn-north-1/rtc/request, SignedHeaders=x-date, Signature=ab', 'The credential scope date is not YYYYMMDD.'],
    ['HMAC-SHA256 Credential=AK/20240102/cn-north-1/rtc/requests, SignedHeaders=x-date, Signature=ab', 'The credential scope must end with "request".'],
  ])('rejects %j', (header, reason) => {
    const result = parseAuthorization(header);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining(reason) as unknown });
  });
});
