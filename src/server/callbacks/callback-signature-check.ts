import { createHash } from 'node:crypto';
import { constantTimeEqual } from '../../shared/volc-canonical.ts';
import { callbackSigningString, type CallbackSignedValues } from '../../shared/volc-callback-signature.ts';

/**
 * The receiver's signature check: the same signing string and comparison as the shared
 * `callbackSignatureMatches`, hashed with Node's synchronous SHA-256 instead of Web Crypto, whose
 * digest is a promise that hops through the thread pool for a 300-byte input on every callback.
 */
export function callbackSignatureValid(values: CallbackSignedValues, secret: string, given: string): boolean {
  const expected = createHash('sha256').update(callbackSigningString(values, secret), 'utf8').digest('hex');
  return constantTimeEqual(expected, given.trim().toLowerCase());
}
