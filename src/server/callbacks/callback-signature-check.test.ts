import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callbackSignature, type CallbackSignedValues } from '../../shared/volc-callback-signature.ts';
import { callbackSignatureValid } from './callback-signature-check.ts';

const values = fc.record<CallbackSignedValues>({
  EventType: fc.string(), EventData: fc.string({ unit: 'grapheme' }), EventTime: fc.string(), EventId: fc.string({ unit: 'grapheme' }),
  AppId: fc.string(), Version: fc.string(), Nonce: fc.string(),
});

describe('callbackSignatureValid', () => {
  it('property: accepts exactly what the shared signer signs, in either case and with spaces around it', async () => {
    await fc.assert(fc.asyncProperty(values, fc.string({ minLength: 1 }), async (v, secret) => {
      const signature = await callbackSignature(v, secret);
      expect(callbackSignatureValid(v, secret, signature)).toBe(true);
      expect(callbackSignatureValid(v, secret, ` ${signature.toUpperCase()} `)).toBe(true);
      expect(callbackSignatureValid(v, `${secret}x`, signature)).toBe(false);
      expect(callbackSignatureValid({ ...v, EventData: `${v.EventData} ` }, secret, signature)).toBe(false);
    }), { numRuns: 200 });
  });

  it('refuses a signature of the wrong length or an empty one', async () => {
    const v = { EventType: 'TranscodeStarted', EventData: '{}', EventTime: '2024-01-02T03:04:05Z', EventId: 'e', AppId: 'a', Version: '2020-12-01', Nonce: '1' };
    const signature = await callbackSignature(v, 's');
    expect(callbackSignatureValid(v, 's', signature.slice(1))).toBe(false);
    expect(callbackSignatureValid(v, 's', '')).toBe(false);
  });
});
