import { constantTimeEqual, sha256Hex } from './volc-canonical.ts';

/**
 * The signature of a Volcengine event callback: plain SHA-256 (not HMAC) of the seven envelope
 * values and the callback SecretKey, sorted as byte strings and joined with no separator. The
 * simulator signs with it and the server verifies with it. Values are used exactly as received
 * (EventData and EventTime are never re-serialised), or the digest would not match.
 */

/** The envelope values that are signed, besides the SecretKey. */
export interface CallbackSignedValues {
  EventType: string;
  EventData: string;
  EventTime: string;
  EventId: string;
  AppId: string;
  Version: string;
  /** Sent as `Nonce`, or `Noce` by some of Volcengine's own code: the caller passes whichever came. */
  Nonce: string;
}

const encoder = new TextEncoder();

/** Buffer.compare on UTF-8 bytes (Go's sort.Strings): differs from JS string order for non-ASCII. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** The string that is hashed: the eight values in byte order, concatenated. */
export function callbackSigningString(values: CallbackSignedValues, secret: string): string {
  const parts = [values.EventType, values.EventData, values.EventTime, values.EventId, values.AppId, values.Version, values.Nonce, secret];
  return parts
    .map((text) => ({ text, bytes: encoder.encode(text) }))
    .sort((a, b) => compareBytes(a.bytes, b.bytes))
    .map((p) => p.text)
    .join('');
}

/** Lower-case hex SHA-256, the value of the envelope's `Signature`. */
export function callbackSignature(values: CallbackSignedValues, secret: string): Promise<string> {
  return sha256Hex(callbackSigningString(values, secret));
}

/** Case-insensitive and without an early exit, so a forger learns nothing from the timing. */
export async function callbackSignatureMatches(values: CallbackSignedValues, secret: string, given: string): Promise<boolean> {
  const expected = await callbackSignature(values, secret);
  return constantTimeEqual(expected, given.trim().toLowerCase());
}
