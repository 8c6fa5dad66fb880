import type { PresenceSpan } from '../../../shared/room-presence.ts';

/** How the facts Volcengine reported by callback are drawn beside the polled lanes. Pure. */

export type FactGlyph = 'start' | 'update' | 'state' | 'stop' | 'other';

const GLYPHS: Record<string, FactGlyph> = {
  TranscodeStarted: 'start',
  TranscodeUpdated: 'update',
  TranscodeStateChanged: 'state',
  TranscodeStopped: 'stop',
};

export const factGlyph = (eventType: string): FactGlyph => GLYPHS[eventType] ?? 'other';

/** The characters the list shows for each glyph (the chart draws the same shapes). */
export const GLYPH_TEXT: Record<FactGlyph, string> = { start: '▶', update: '◇', state: '●', stop: '■', other: '○' };

export interface PresenceBar {
  from: number;
  to: number;
  /** The join was not reported, or lies before the view. */
  cutStart: boolean;
  /** Still in the room, or the leave lies after the view. */
  cutEnd: boolean;
  /** Set when the leave is inside the view. */
  leftAt: number | null;
  reason: string | null;
}

/** A user's spans as bars inside [from, to]; an open span runs to `to`. */
export function presenceBars(spans: readonly PresenceSpan[], from: number, to: number): PresenceBar[] {
  const bars: PresenceBar[] = [];
  for (const s of spans) {
    const start = s.joinedAt ?? -Infinity;
    const end = s.leftAt ?? Infinity;
    if (end < from || start > to) continue;
    const leftInside = s.leftAt !== null && s.leftAt <= to;
    bars.push({
      from: Math.max(start, from), to: Math.min(end, to),
      cutStart: s.joinedAt === null || s.joinedAt < from, cutEnd: !leftInside,
      leftAt: leftInside ? s.leftAt : null, reason: leftInside ? s.reason : null,
    });
  }
  return bars;
}
