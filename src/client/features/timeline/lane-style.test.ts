import { describe, expect, it } from 'vitest';
import type { Tone } from '../../../shared/volc-enums.ts';
import { mixBars, textWidth, worstTone } from './lane-style.ts';

const tone = (v: number | null): Tone => (v === 3 ? 'warning' : v === 5 ? 'good' : 'neutral');

describe('mixBars', () => {
  it('fills with the state that took most time and raises the most serious other one by its share', () => {
    const m = { kind: 'mixed' as const, from: 0, to: 100, values: [5, 3], time: [75, 20], unknown: true, count: 9 };
    expect(mixBars(m, tone)).toEqual({ base: 'good', overlay: { tone: 'warning', share: 0.2 } });
  });

  it('needs no bar when the most serious state is also the longest', () => {
    const m = { kind: 'mixed' as const, from: 0, to: 10, values: [5, 3], time: [2, 8], unknown: false, count: 4 };
    expect(mixBars(m, tone)).toEqual({ base: 'warning' });
  });
});

describe('worstTone and textWidth', () => {
  it('ranks bad over warning over the rest, and counts CJK as wide', () => {
    expect(worstTone(['good', 'warning', 'neutral'])).toBe('warning');
    expect(worstTone(['good', 'bad', 'warning'])).toBe('bad');
    expect(textWidth('运行中')).toBeGreaterThan(textWidth('Run'));
  });
});
