import { describe, expect, it } from 'vitest';
import type { CallbackEvent } from '../../../shared/callback-api.ts';
import { factGlyph, presenceBars, unconfirmedStop } from './reported-facts-shape.ts';

const event = (eventType: string, eventTime: number): CallbackEvent => ({
  eventId: `${eventType}-${eventTime}`, eventType, eventTime, receivedAt: eventTime, appId: 'a', roomId: 'r', taskId: 't', userId: null, outcome: 'watched', eventData: '{}',
});

describe('reported facts', () => {
  it('draws a stop apart from the other Transcode events, and an unknown type as other', () => {
    expect(['TranscodeStarted', 'TranscodeUpdated', 'TranscodeStateChanged', 'TranscodeStopped', 'RecordStarted'].map(factGlyph))
      .toEqual(['start', 'update', 'state', 'stop', 'other']);
  });

  it('clips presence spans to the view and marks what runs past its edges', () => {
    const spans = [
      { joinedAt: 0, leftAt: 50, reason: 'userLeave' },
      { joinedAt: 100, leftAt: 180, reason: 'connectionLost' },
      { joinedAt: 190, leftAt: null, reason: null },
    ];
    expect(presenceBars(spans, 60, 200)).toEqual([
      { from: 100, to: 180, cutStart: false, cutEnd: false, leftAt: 180, reason: 'connectionLost' },
      { from: 190, to: 200, cutStart: false, cutEnd: true, leftAt: null, reason: null },
    ]);
    expect(presenceBars([{ joinedAt: null, leftAt: 300, reason: 'userLeave' }], 60, 200))
      .toEqual([{ from: 60, to: 200, cutStart: true, cutEnd: true, leftAt: null, reason: null }]);
  });

  it('tells of a reported stop until a poll shows the task ended', () => {
    const events = [event('TranscodeStarted', 1), event('TranscodeStopped', 9)];
    expect(unconfirmedStop(events, false)?.eventTime).toBe(9);
    expect(unconfirmedStop(events, true)).toBeUndefined();
    expect(unconfirmedStop([event('TranscodeStarted', 1)], false)).toBeUndefined();
  });
});
