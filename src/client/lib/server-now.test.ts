import { describe, expect, it } from 'vitest';
import { serverClockAt } from './server-now.ts';

describe('serverClockAt', () => {
  it('runs the server\'s clock on from its answer by the time passed in this browser', () => {
    // Task time an hour ahead of the browser (an accelerated simulator): the hour stays.
    expect(serverClockAt(10_000_000 + 3_600_000, 10_000_000, 10_002_500)).toBe(10_000_000 + 3_600_000 + 2_500);
  });
  it('never runs it backwards when the browser\'s clock steps back', () => {
    expect(serverClockAt(50_000, 10_000, 9_000)).toBe(50_000);
  });
  it('is the browser\'s clock when no answer gave the server\'s', () => {
    expect(serverClockAt(undefined, 10_000, 12_345)).toBe(12_345);
  });
});
