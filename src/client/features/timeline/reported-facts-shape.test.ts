import { describe, expect, it } from 'vitest';
import { factGlyph, presenceBars } from './reported-facts-shape.ts';

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
});
