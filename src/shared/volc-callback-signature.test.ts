// eslint-disable-next-line no-restricted-imports -- test only: node:crypto and Buffer are the independent reference
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  callbackSignature,
  callbackSignatureMatches,
  callbackSigningString,
  compareBytes,
  type CallbackSignedValues,
} from './volc-callback-signature.ts';

const FIELDS = ['EventType', 'EventData', 'EventTime', 'EventId', 'AppId', 'Version', 'Nonce'] as const;

const sample: CallbackSignedValues = {
  EventType: 'TranscodeStarted',
  EventData: '{"AppId":"app1","RoomId":"room1","TaskId":"task1"}',
  EventTime: '2024-01-02T03:04:05.123Z',
  EventId: 'evt-0001',
  AppId: 'app1',
  Version: '2020-12-01',
  Nonce: '4821',
};

/** The documented recipe, written with Node's own tools: Buffer.compare sort, SHA-256 hex. */
function reference(values: CallbackSignedValues, secret: string): string {
  const parts = [...FIELDS.map((f) => values[f]), secret].map((s) => Buffer.from(s, 'utf8'));
  parts.sort(Buffer.compare);
  return createHash('sha256').update(Buffer.concat(parts)).digest('hex');
}

const anyText = fc.string({ unit: 'grapheme', maxLength: 12 });
const valuesArb = fc.record(Object.fromEntries(FIELDS.map((f) => [f, anyText])) as Record<keyof CallbackSignedValues, typeof anyText>);

describe('callback signature', () => {
  it('is the hex SHA-256 of the byte-sorted values and secret (a fixed example)', async () => {
    const secret = 'callback-secret';
    expect(await callbackSignature(sample, secret)).toBe(reference(sample, secret));
    expect(callbackSigningString(sample, secret)).toBe(
      ['2020-12-01', '2024-01-02T03:04:05.123Z', '4821', 'TranscodeStarted', 'app1', 'callback-secret', 'evt-0001', '{"AppId":"app1","RoomId":"room1","TaskId":"task1"}'].join(''),
    );
  });

  it('sorts by UTF-8 bytes, not UTF-16 code units (an astral character against U+FF5E)', () => {
    // UTF-16 puts the surrogate pair (0xD83D...) before U+FF5E; UTF-8 puts F0... after EF BD 9E.
    const emoji = '\u{1F600}';
    const wide = '\uFF5E';
    expect(emoji < wide).toBe(true);
    const enc = new TextEncoder();
    expect(compareBytes(enc.encode(emoji), enc.encode(wide))).toBe(1);
    const s = callbackSigningString({ ...sample, EventId: emoji, Nonce: wide }, 'k');
    expect(s.indexOf(wide)).toBeLessThan(s.indexOf(emoji));
  });

  it('matches the Buffer.compare reference for any values, non-ASCII included', async () => {
    await fc.assert(fc.asyncProperty(valuesArb, anyText, async (values, secret) => {
      expect(await callbackSignature(values, secret)).toBe(reference(values, secret));
    }));
  });

  it('does not depend on which field holds which value (only the set of values is signed)', async () => {
    await fc.assert(fc.asyncProperty(valuesArb, anyText, fc.infiniteStream(fc.nat()), async (values, secret, picks) => {
      const pool = FIELDS.map((f) => values[f]);
      const shuffled = [...pool];
      const it = picks[Symbol.iterator]();
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = (it.next().value as number) % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
      }
      const moved = Object.fromEntries(FIELDS.map((f, i) => [f, shuffled[i] ?? ''])) as unknown as CallbackSignedValues;
      expect(await callbackSignature(moved, secret)).toBe(await callbackSignature(values, secret));
    }));
  });

  it('accepts the signature in either case and refuses any other value', async () => {
    await fc.assert(fc.asyncProperty(valuesArb, fc.string({ minLength: 1, maxLength: 20 }), async (values, secret) => {
      const sig = await callbackSignature(values, secret);
      expect(await callbackSignatureMatches(values, secret, sig.toUpperCase())).toBe(true);
      expect(await callbackSignatureMatches(values, secret, sig)).toBe(true);
      const flipped = (sig[0] === '0' ? '1' : '0') + sig.slice(1);
      expect(await callbackSignatureMatches(values, secret, flipped)).toBe(false);
      expect(await callbackSignatureMatches(values, `${secret}x`, sig)).toBe(false);
      expect(await callbackSignatureMatches(values, secret, '')).toBe(false);
    }));
  });
});
