import {
  computeSignature, constantTimeEqual, EMPTY_BODY_SHA256, parseAuthorization, sha256Hex,
} from '../shared/volc-signature.ts';
import { fail, type SimFailure } from './sim-errors.ts';

export interface SimCredentials {
  accessKeyId: string;
  secretKey: string;
}

export interface VerifyInput {
  method: string;
  url: URL;
  headers: Headers;
  body: Uint8Array;
  /** The wall clock (never the accelerated task clock): signers stamp X-Date with real time. */
  wallNow: number;
  region: string;
  service: string;
  keys: readonly SimCredentials[];
}

export type VerifyResult = { ok: true; accessKeyId: string } | { ok: false; failure: SimFailure };

/** How far X-Date may be from the gateway's clock, either way. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

const X_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** `20201103T104027Z` to Unix ms; undefined for anything else (the ISO form with dashes included). */
export function parseXDate(value: string): number | undefined {
  const m = X_DATE.exec(value);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`;
  const ms = Date.parse(iso);
  // The round trip rejects dates such as 20240230 that a lenient parser would roll over.
  return Number.isNaN(ms) || new Date(ms).toISOString() !== iso ? undefined : ms;
}

function decodedQuery(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of url.searchParams) out[key] = value;
  return out;
}

/**
 * Checks a Volcengine signature V4 Authorization header the way the gateway does: present,
 * well-formed, a known access key, a fresh X-Date, then the recomputed HMAC over exactly the
 * headers the client declared (the Node SDK signs only x-date, the Go SDK adds host and more).
 */
export async function verifyRequest(input: VerifyInput): Promise<VerifyResult> {
  const header = input.headers.get('authorization');
  if (header === null || header.trim() === '') {
    return { ok: false, failure: fail('MissingAuthenticationToken', 'The request has no Authorization header.') };
  }
  const parsed = parseAuthorization(header);
  if (!parsed.ok) return { ok: false, failure: fail('InvalidAuthorization', parsed.reason) };
  const auth = parsed.value;
  const key = input.keys.find((k) => k.accessKeyId === auth.accessKeyId);
  if (!key) return { ok: false, failure: fail('InvalidAccessKey', `The access key ${auth.accessKeyId} does not exist.`) };

  const xDate = input.headers.get('x-date') ?? '';
  const stamped = parseXDate(xDate);
  if (stamped === undefined) {
    return { ok: false, failure: fail('InvalidTimestamp', `X-Date "${xDate.slice(0, 40)}" is not in the YYYYMMDD'T'HHMMSS'Z' format.`) };
  }
  if (Math.abs(input.wallNow - stamped) > MAX_CLOCK_SKEW_MS) {
    return { ok: false, failure: fail('InvalidTimestamp', `X-Date ${xDate} is more than 15 minutes away from the server time; the signature has expired or is dated in the future.`) };
  }
  const mismatch = (why: string): VerifyResult => ({ ok: false, failure: fail('SignatureDoesNotMatch', why) });
  if (auth.scopeDate !== xDate.slice(0, 8)) return mismatch('The credential scope date differs from the X-Date day.');
  if (auth.region !== input.region || auth.service !== input.service) {
    return mismatch(`The credential scope must be for region ${input.region} and service ${input.service}.`);
  }
  if (!auth.signedHeaders.includes('x-date')) return mismatch('SignedHeaders must include x-date.');

  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    // A fetch Request carries no Host header; the gateway signs the host it was reached on.
    headers[name] = input.headers.get(name) ?? (name === 'host' ? input.url.host : '');
  }
  const bodySha256 = input.body.length === 0 ? EMPTY_BODY_SHA256 : await sha256Hex(input.body);
  const expected = await computeSignature({
    method: input.method,
    path: input.url.pathname,
    query: decodedQuery(input.url),
    headers,
    signedHeaders: auth.signedHeaders,
    bodySha256,
    secretKey: key.secretKey,
    region: input.region,
    service: input.service,
    xDate,
  });
  if (!constantTimeEqual(expected, auth.signature)) {
    return mismatch('The request signature we calculated does not match the signature you provided. Check your secret access key and signing method.');
  }
  return { ok: true, accessKeyId: key.accessKeyId };
}
