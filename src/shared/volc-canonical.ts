/**
 * The byte-level building blocks of Volcengine signature V4, on Web Crypto so they run in Node and
 * in browsers alike. Each one mirrors the official Node SDK (`@volcengine/openapi`
 * lib/base/sign.js); volc-signature.ts assembles them and re-exports the public ones.
 */

const encoder = new TextEncoder();

/**
 * RFC 3986 percent-encoding: only A-Z a-z 0-9 - _ . ~ stay as they are (space is %20, @ is %40,
 * * is %2A). Throws URIError on a lone surrogate, which has no UTF-8 encoding to sign.
 */
export function encodeRfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The canonical query string, also the one to put in the URL: keys sorted by their raw UTF-16
 * order (as the official signer sorts them), `key=value` pairs RFC 3986-encoded, joined by `&`.
 * URLSearchParams would write a space as `+` and break the signature.
 */
export function canonicalQueryString(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort()
    .map((key) => `${encodeRfc3986(key)}=${encodeRfc3986(params[key] ?? '')}`)
    .join('&');
}

/** `YYYYMMDD'T'HHMMSS'Z'` in UTC, e.g. 20201103T104027Z (not the ISO form with dashes). */
export function formatXDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[:-]/g, '');
}

/** SHA-256 of the empty body: every GET signs this. */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function toHex(bytes: Uint8Array | ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

function bytesOf(data: string | Uint8Array): Uint8Array<ArrayBuffer> {
  return typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data);
}

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  return toHex(await globalThis.crypto.subtle.digest('SHA-256', bytesOf(data)));
}

async function hmacKey(key: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

async function hmac(key: Uint8Array<ArrayBuffer>, data: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', await hmacKey(key), encoder.encode(data)));
}

/**
 * Derived signing keys by secret key and scope (date, region, service, "request"): the scope
 * changes once a day, so every request of the day signs with one HMAC instead of five HMACs and
 * five key imports. A few entries: one per credential and region in use.
 */
const signingKeys = new Map<string, Promise<CryptoKey>>();
const SIGNING_KEYS_KEPT = 16;

function signingKey(secretKey: string, parts: readonly string[]): Promise<CryptoKey> {
  const id = JSON.stringify([secretKey, ...parts]);
  let key = signingKeys.get(id);
  if (key === undefined) {
    key = (async () => {
      let raw = encoder.encode(secretKey);
      for (const part of parts) raw = await hmac(raw, part);
      return hmacKey(raw);
    })();
    // A failed derivation is not kept: the next request derives again.
    void key.catch(() => signingKeys.delete(id));
    if (signingKeys.size >= SIGNING_KEYS_KEPT) signingKeys.delete(signingKeys.keys().next().value ?? '');
    signingKeys.set(id, key);
  }
  return key;
}

/** Hex HMAC chain: kDate = HMAC(SK, date) with no prefix on the SK, then region, service, "request". */
export async function hmacChainHex(secretKey: string, parts: readonly string[], message: string): Promise<string> {
  const key = await signingKey(secretKey, parts);
  return toHex(await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(message)));
}

/** Collapses runs of whitespace and trims, as the official signer does to header values. */
export function canonicalHeaderValue(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/**
 * Compares two strings without an early exit on the first difference, so a verifier does not leak
 * how much of a signature was right. Lengths are not secret (a signature is always 64 hex digits).
 */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
