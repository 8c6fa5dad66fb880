import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBusMessage, encodeBusMessage, MAX_PAYLOAD_BYTES } from './bus-wire.ts';
import type { BusMessage } from './event-bus.ts';

const message: fc.Arbitrary<BusMessage> = fc.oneof(
  fc.record({ type: fc.constant('task-changed' as const), key: fc.string({ maxLength: 600 }) }),
  fc.record({
    type: fc.constant('callback' as const),
    notice: fc.record({
      key: fc.option(fc.string(), { nil: null }), eventId: fc.string(), eventType: fc.string(), eventTime: fc.integer(),
      appId: fc.string(), roomId: fc.option(fc.string(), { nil: null }), taskId: fc.option(fc.string(), { nil: null }),
    }),
  }),
);

describe('bus messages on the wire', () => {
  it('decode what encode wrote, origin included, whatever the text', () => {
    fc.assert(fc.property(fc.string(), message, (origin, m) => {
      const wire = encodeBusMessage(origin, m);
      if (!wire.ok) return;
      expect(decodeBusMessage(wire.payload)).toEqual({ ok: true, origin, message: m });
    }));
  });

  it('refuses to encode a payload PostgreSQL would refuse, counting bytes rather than characters', () => {
    const fits = encodeBusMessage('o', { type: 'task-changed', key: 'k' });
    expect(fits.ok).toBe(true);
    const overhead = fits.ok ? fits.payload.length - 1 : 0;
    expect(encodeBusMessage('o', { type: 'task-changed', key: 'k'.repeat(MAX_PAYLOAD_BYTES - overhead) }).ok).toBe(true);
    expect(encodeBusMessage('o', { type: 'task-changed', key: 'k'.repeat(MAX_PAYLOAD_BYTES - overhead + 1) })).toMatchObject({ ok: false, error: expect.stringMatching(/over PostgreSQL's NOTIFY limit/) });
    // Three bytes each in UTF-8.
    expect(encodeBusMessage('o', { type: 'task-changed', key: '界'.repeat(3_000) }).ok).toBe(false);
  });

  it('says what is wrong with a payload that is not a bus message', () => {
    expect(decodeBusMessage('{')).toEqual({ ok: false, error: expect.stringMatching(/not JSON/) });
    expect(decodeBusMessage(JSON.stringify({ origin: 'o', message: { type: 'task-changed' } }))).toEqual({ ok: false, error: expect.stringMatching(/message\.key/) });
    expect(decodeBusMessage(JSON.stringify({ origin: 'o', message: { type: 'other', key: 'k' } }))).toMatchObject({ ok: false });
    expect(decodeBusMessage(JSON.stringify({ message: { type: 'task-changed', key: 'k' } }))).toEqual({ ok: false, error: expect.stringMatching(/origin/) });
  });
});
