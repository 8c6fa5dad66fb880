import { describe, expect, it } from 'vitest';
import { axisTicks, tickFormatter, xScale } from './timeline-scale.ts';

const start = Date.UTC(2026, 10, 24, 13, 57, 12);
const view = { from: start, to: start + 2 * 3_600_000 };

describe('xScale', () => {
  it('maps the view onto the plot width', () => {
    const x = xScale(view, 1_000);
    expect(x(view.from)).toBe(0);
    expect(x(view.from + 3_600_000)).toBe(500);
  });
});

describe('axisTicks', () => {
  it('puts UTC ticks on round clock times inside the view', () => {
    const ticks = axisTicks(view, 1_100, 'utc', start);
    expect(ticks.length).toBeGreaterThanOrEqual(5);
    for (const t of ticks) {
      expect(t).toBeGreaterThanOrEqual(view.from);
      expect(t).toBeLessThanOrEqual(view.to);
      expect(new Date(t).getUTCSeconds()).toBe(0);
      expect(new Date(t).getUTCMinutes() % 15).toBe(0);
    }
  });

  it('puts relative ticks on round offsets from the start', () => {
    const ticks = axisTicks(view, 1_100, 'relative', start);
    expect(ticks[0]).toBe(start);
    for (const t of ticks) expect((t - start) % (15 * 60_000)).toBe(0);
  });
});

describe('tickFormatter', () => {
  it('writes UTC clock times, with seconds only when ticks are closer than a minute', () => {
    const ticks = [Date.UTC(2026, 10, 24, 14, 0), Date.UTC(2026, 10, 24, 14, 15)];
    expect(tickFormatter(ticks, 'utc', 'en-GB', start)(ticks[1] ?? 0)).toBe('14:15');
    const fine = [Date.UTC(2026, 10, 24, 14, 0, 10), Date.UTC(2026, 10, 24, 14, 0, 20)];
    expect(tickFormatter(fine, 'utc', 'en-GB', start)(fine[1] ?? 0)).toBe('14:00:20');
  });

  it('adds the date when the view spans days', () => {
    const ticks = [Date.UTC(2026, 10, 24), Date.UTC(2026, 10, 25), Date.UTC(2026, 10, 26)];
    expect(tickFormatter(ticks, 'utc', 'en-GB', start)(ticks[1] ?? 0)).toBe('25/11');
  });

  it('writes offsets from the start in relative mode', () => {
    const f = tickFormatter([start, start + 3_600_000], 'relative', 'en', start);
    expect(f(start + 3_900_000)).toBe('+1h 5m');
  });
});
