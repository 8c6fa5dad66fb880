import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The browser's session after signing in: `v1.<expires ms>.<nonce>.<HMAC-SHA256>`, never the token
 * itself. The key is derived from MIXSCOPE_TOKEN, so every replica sharing the token verifies a
 * session without shared state, and a new token ends every session.
 */

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

const FORMAT = /^v1\.(\d{1,15})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

export interface SessionSigner {
  issue(now: number): string;
  verify(value: string, now: number): boolean;
}

export function sessionSigner(token: string, ttlMs = SESSION_TTL_MS): SessionSigner {
  // A key of its own, not the token: a MAC with the token as key would be one more use of it.
  const key = createHmac('sha256', token).update('mixscope session key v1').digest();
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest();
  return {
    issue(now) {
      const payload = `v1.${now + ttlMs}.${randomBytes(16).toString('base64url')}`;
      return `${payload}.${mac(payload).toString('base64url')}`;
    },
    verify(value, now) {
      const m = FORMAT.exec(value);
      if (m === null || Number(m[1]) <= now) return false;
      const given = Buffer.from(m[3] ?? '', 'base64url');
      const expected = mac(value.slice(0, value.lastIndexOf('.')));
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
