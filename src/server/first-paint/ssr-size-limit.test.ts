import { describe, expect, it } from 'vitest';
import { taskSize } from './ssr-size-limit.ts';

const regions = (n: number) => Array.from({ length: n }, (_, i) => ({ StreamIndex: i }));
const streams = (n: number) => Array.from({ length: n }, (_, i) => ({ UserId: `u${i}` }));

describe('taskSize', () => {
  it('counts a custom layout\'s regions', () => {
    expect(taskSize({ Layout: { CustomLayout: { Regions: regions(7) } } })).toBe(7);
  });

  it('counts a template layout\'s target streams, one region each', () => {
    expect(taskSize({ Layout: { LayoutMode: 1 }, TargetStreams: { StreamList: streams(12) } })).toBe(12);
  });

  it('takes the larger of the two when a task has both', () => {
    expect(taskSize({ Layout: { CustomLayout: { Regions: regions(3) } }, TargetStreams: { StreamList: streams(9) } })).toBe(9);
    expect(taskSize({ Layout: { CustomLayout: { Regions: regions(9) } }, TargetStreams: { StreamList: streams(3) } })).toBe(9);
  });

  it('counts only lists, whatever else an answer holds there', () => {
    expect(taskSize({ Layout: { CustomLayout: { Regions: 'abcdef' } }, TargetStreams: { StreamList: { length: 40 } } })).toBe(0);
    expect(taskSize({ Layout: 'custom', TargetStreams: null })).toBe(0);
    expect(taskSize(null)).toBe(0);
    expect(taskSize('{"Layout":{}}')).toBe(0);
  });

  it('reads the documented keys only', () => {
    expect(taskSize({ layout: { customLayout: { regions: regions(5) } }, targetStreams: { streamList: streams(5) } })).toBe(0);
    expect(taskSize({ Layout: { Regions: regions(5) }, StreamList: streams(5) })).toBe(0);
  });
});
