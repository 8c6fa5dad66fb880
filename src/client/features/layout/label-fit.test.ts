import { describe, expect, it } from 'vitest';
import { fitLabel } from './label-fit.ts';

const mono = (s: string) => Array.from(s).length * 10;

describe('fitLabel', () => {
  it('keeps a label that fits', () => {
    expect(fitLabel('ana · #0', 100, mono)).toBe('ana · #0');
  });
  it('cuts a long label with an ellipsis', () => {
    expect(fitLabel('attendee-01 · #0', 60, mono)).toBe('atten…');
  });
  it('gives nothing when not even one character fits', () => {
    expect(fitLabel('abc', 15, mono)).toBeUndefined();
  });
  it('counts characters, not UTF-16 units', () => {
    expect(fitLabel('老师·李 · #1', 40, mono)).toBe('老师·…');
  });
});
