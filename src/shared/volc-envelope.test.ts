import { describe, expect, it } from 'vitest';
import { interpretEnvelope } from './volc-envelope.ts';

const meta = { RequestId: 'req-1', Action: 'GetPushMixedStreamToCDNTask', Version: '2020-12-01', Service: 'rtc', Region: 'cn-north-1' };

describe('interpretEnvelope', () => {
  it('returns the Result of a success', () => {
    expect(interpretEnvelope(200, { ResponseMetadata: meta, Result: { a: 1 } })).toEqual({ kind: 'ok', requestId: 'req-1', result: { a: 1 } });
  });

  it('treats an Error inside a 200 as a failure (2020-12-01 semantics)', () => {
    const out = interpretEnvelope(200, { ResponseMetadata: { ...meta, Error: { Code: 'InvalidParameter', CodeN: '10009', Message: 'bad' } } });
    expect(out).toEqual({ kind: 'error', error: { code: 'InvalidParameter', codeN: 10009, message: 'bad', requestId: 'req-1', httpStatus: 200 } });
  });

  it('treats a non-2xx without Error as a failure, keeping the RequestId', () => {
    const out = interpretEnvelope(503, { ResponseMetadata: meta });
    expect(out.kind).toBe('error');
    if (out.kind === 'error') expect(out.error).toMatchObject({ code: 'HTTP503', requestId: 'req-1', httpStatus: 503 });
  });

  it('reports a body without the envelope', () => {
    expect(interpretEnvelope(502, '<html>bad gateway</html>')).toMatchObject({ kind: 'bad-body', httpStatus: 502 });
    expect(interpretEnvelope(200, { Result: {} })).toMatchObject({ kind: 'bad-body' });
  });
});
