import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEventData } from './callback-api.ts';

const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer()), fc.object());

describe('parseEventData', () => {
  it('never throws, and keeps nothing from a text that is not a JSON object', () => {
    fc.assert(fc.property(fc.string(), (raw) => {
      const { document, facts } = parseEventData(raw);
      if (document === null) expect(facts).toEqual({});
    }));
    fc.assert(fc.property(fc.oneof(fc.array(anyValue), fc.integer(), fc.string()), (v) => {
      expect(parseEventData(JSON.stringify(v))).toEqual({ document: null, facts: {} });
    }));
  });

  it('reads Status and PushStreamState only as documented enum values, as numbers or their digits', () => {
    fc.assert(fc.property(anyValue, anyValue, (status, push) => {
      const { facts } = parseEventData(JSON.stringify({ RoomId: 'r', TaskId: 't', Status: status, PushStreamState: push }));
      const asEnum = (sent: unknown, max: number) => {
        // What arrives is what JSON carries (-0 arrives as 0).
        const v: unknown = sent === undefined ? undefined : JSON.parse(JSON.stringify(sent));
        const n = typeof v === 'string' && /^\d{1,3}$/.test(v) ? Number(v) : v;
        return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max ? n : undefined;
      };
      expect(facts.status).toBe(asEnum(status, 4));
      expect(facts.pushStreamState).toBe(asEnum(push, 6));
      expect(facts).toMatchObject({ roomId: 'r', taskId: 't' });
    }));
  });

  it('keeps what a stop reports and leaves out what it does not', () => {
    expect(parseEventData(JSON.stringify({ RoomId: 'r', TaskId: 't', Status: 4, StopReason: 'TaskFailed' })).facts)
      .toEqual({ roomId: 'r', taskId: 't', status: 4, stopReason: 'TaskFailed' });
    expect(parseEventData(JSON.stringify({ RoomId: 'r', TaskId: 't', Status: '2', PushStreamState: '3' })).facts)
      .toEqual({ roomId: 'r', taskId: 't', status: 2, pushStreamState: 3 });
    expect(parseEventData(JSON.stringify({ RoomId: 'r', TaskId: 't', Status: 9, PushStreamState: -1, StopReason: 'x'.repeat(129) })).facts)
      .toEqual({ roomId: 'r', taskId: 't' });
  });
});
