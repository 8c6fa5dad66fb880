import {
  canonicalHeaderValue,
  canonicalQueryString,
  EMPTY_BODY_SHA256,
  formatXDate,
  hmacChainHex,
  sha256Hex,
} from './volc-canonical.ts';

/**
 * Volcengine signature V4 (HMAC-SHA256): the server signs with signRequest(), the simulator
 * verifies with parseAuthorization() + computeSignature(). Output is byte-identical to the official
 * Node SDK, which for a GET signs only `x-date` (+ `x-security-token`): the gateway accepts that.
 */
export {
  canonicalQueryString,
  constantTimeEqual,
  EMPTY_BODY_SHA256,
  encodeRfc3986,
  formatXDate,
  sha256Hex,
} from './volc-canonical.ts';

export interface VolcCredentials {
  accessKeyId: string;
  secretKey: string;
  sessionToken?: string;
}

export const SIGNING_ALGORITHM = 'HMAC-SHA256';
/** The last element of the credential scope `YYYYMMDD/region/service/request`. */
export const SCOPE_TERMINATOR = 'request';
/** Headers the official signer never signs, even when the caller passes them. */
export const UNSIGNABLE_HEADERS: readonly string[] = [
  'authorization', 'content-type', 'content-length', 'user-agent', 'presigned-expires', 'expect',
];

export interface SignatureInput {
  method: string;
  /** Defaults to `/`. */
  path?: string;
  /** Decoded query parameters; they are re-encoded canonically. */
  query: Readonly<Record<string, string>>;
  /** Header values keyed by any case; every name in signedHeaders should be present. */
  headers: Readonly<Record<string, string>>;
  /** Names as declared in SignedHeaders (compared lower-case). */
  signedHeaders: readonly string[];
  /** Hex SHA-256 of the body (the X-Content-Sha256 value), EMPTY_BODY_SHA256 for a GET. */
  bodySha256: string;
  secretKey: string;
  region: string;
  service: string;
  /** The X-Date value; its first 8 characters are the scope date. */
  xDate: string;
}

export type CanonicalRequestInput = Omit<SignatureInput, 'secretKey' | 'region' | 'service' | 'xDate'>;

/** The canonical request; exposed so a verifier can log what it signed when a check fails. */
export function canonicalRequest(input: CanonicalRequestInput): string {
  const lower = new Map(Object.entries(input.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const names = [...new Set(input.signedHeaders.map((n) => n.toLowerCase()))].sort();
  const headerLines = names.map((n) => `${n}:${canonicalHeaderValue(lower.get(n) ?? '')}\n`).join('');
  return [
    input.method.toUpperCase(),
    input.path ?? '/',
    canonicalQueryString(input.query),
    headerLines,
    names.join(';'),
    input.bodySha256,
  ].join('\n');
}

export function credentialScope(xDate: string, region: string, service: string): string {
  return [xDate.slice(0, 8), region, service, SCOPE_TERMINATOR].join('/');
}

/** The hex signature a verifier recomputes for the SignedHeaders the client declared. */
export async function computeSignature(input: SignatureInput): Promise<string> {
  const scope = credentialScope(input.xDate, input.region, input.service);
  const hashedRequest = await sha256Hex(canonicalRequest(input));
  const stringToSign = [SIGNING_ALGORITHM, input.xDate, scope, hashedRequest].join('\n');
  return hmacChainHex(input.secretKey, [input.xDate.slice(0, 8), input.region, input.service, SCOPE_TERMINATOR], stringToSign);
}

export interface SignRequestInput {
  method: string;
  /**
   * When given, `host` is signed too (as the Go SDK does). The HTTP client sends Host from the
   * URL, so it is not added to the returned headers. The Node SDK leaves it out; so do we by default.
   */
  host?: string;
  /** Defaults to `/`. */
  path?: string;
  query: Readonly<Record<string, string>>;
  /** Extra headers to send; like the official signer we sign them all except UNSIGNABLE_HEADERS. */
  headers?: Readonly<Record<string, string>>;
  body?: string | Uint8Array;
  credentials: VolcCredentials;
  region: string;
  service: string;
  date: Date;
}

export interface SignedRequest {
  /** The caller's headers plus X-Date, X-Security-Token?, X-Content-Sha256? and Authorization. */
  headers: Record<string, string>;
  /** The canonical query string: put it in the URL exactly as it is. */
  query: string;
}

const OWN_HEADERS = new Set(['x-date', 'x-security-token', 'x-content-sha256', 'authorization', 'host']);

export async function signRequest(input: SignRequestInput): Promise<SignedRequest> {
  const xDate = formatXDate(input.date);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    if (!OWN_HEADERS.has(name.toLowerCase())) headers[name] = value;
  }
  headers['X-Date'] = xDate;
  const { sessionToken } = input.credentials;
  if (sessionToken) headers['X-Security-Token'] = sessionToken;
  const hasBody = input.body !== undefined && input.body.length > 0;
  const bodySha256 = hasBody && input.body !== undefined ? await sha256Hex(input.body) : EMPTY_BODY_SHA256;
  if (hasBody) headers['X-Content-Sha256'] = bodySha256;

  const toSign: Record<string, string> = { ...headers };
  if (input.host !== undefined) toSign['host'] = input.host;
  const signedHeaders = Object.keys(toSign)
    .map((n) => n.toLowerCase())
    .filter((n) => !UNSIGNABLE_HEADERS.includes(n))
    .sort();
  const base = { method: input.method, query: input.query, headers: toSign, signedHeaders, bodySha256, xDate };
  const signature = await computeSignature({
    ...base,
    ...(input.path !== undefined ? { path: input.path } : {}),
    secretKey: input.credentials.secretKey,
    region: input.region,
    service: input.service,
  });
  const scope = credentialScope(xDate, input.region, input.service);
  headers['Authorization'] =
    `${SIGNING_ALGORITHM} Credential=${input.credentials.accessKeyId}/${scope}, ` +
    `SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
  return { headers, query: canonicalQueryString(input.query) };
}

export interface ParsedAuthorization {
  accessKeyId: string;
  /** YYYYMMDD from the credential scope; must equal the first 8 characters of X-Date. */
  scopeDate: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

export type ParseAuthorizationResult =
  | { ok: true; value: ParsedAuthorization }
  | { ok: false; reason: string };

const AUTH_PATTERN = /^HMAC-SHA256\s+Credential=([^,\s]+)\s*,\s*SignedHeaders=([^,\s]*)\s*,\s*Signature=([0-9a-fA-F]+)\s*$/;

/** Reads `HMAC-SHA256 Credential=AK/date/region/service/request, SignedHeaders=a;b, Signature=hex`. */
export function parseAuthorization(header: string | null | undefined): ParseAuthorizationResult {
  if (header === null || header === undefined || header.trim() === '') {
    return { ok: false, reason: 'The Authorization header is missing.' };
  }
  const match = AUTH_PATTERN.exec(header.trim());
  if (!match) return { ok: false, reason: 'The Authorization header is not "HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...".' };
  const [, credential = '', signed = '', signature = ''] = match;
  const parts = credential.split('/');
  const [accessKeyId = '', scopeDate = '', region = '', service = '', terminator = ''] = parts;
  if (parts.length !== 5 || parts.some((p) => p === '')) {
    return { ok: false, reason: 'Credential must be AccessKeyId/YYYYMMDD/region/service/request.' };
  }
  if (!/^\d{8}$/.test(scopeDate)) return { ok: false, reason: 'The credential scope date is not YYYYMMDD.' };
  if (terminator !== SCOPE_TERMINATOR) return { ok: false, reason: `The credential scope must end with "${SCOPE_TERMINATOR}".` };
  const signedHeaders = signed === '' ? [] : signed.split(';').map((h) => h.toLowerCase());
  return { ok: true, value: { accessKeyId, scopeDate, region, service, terminator, signedHeaders, signature: signature.toLowerCase() } };
}
