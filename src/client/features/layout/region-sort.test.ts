import { describe, expect, it } from 'vitest';
import { pixelLayout } from '../../../shared/layout-test-tasks.ts';
import { sortRegions } from './region-sort.ts';

const layout = pixelLayout([
  { x: 300, y: 0, w: 10, h: 10, z: 1, index: 5 },
  { x: 100, y: 0, w: 10, h: 10, z: 0, index: 2 },
  { x: 100, y: 50, w: 10, h: 10, z: 0, index: 9 },
]);
const ids = (key: Parameters<typeof sortRegions>[1]) => sortRegions(layout.regions, key).map((r) => r.id);

describe('sortRegions', () => {
  it('keeps drawing order by default', () => {
    expect(ids({ key: 'drawOrder', dir: 'asc' })).toEqual(['r1', 'r2', 'r0']);
  });
  it('sorts numbers both ways, ties in drawing order', () => {
    expect(ids({ key: 'x', dir: 'asc' })).toEqual(['r1', 'r2', 'r0']);
    expect(ids({ key: 'x', dir: 'desc' })).toEqual(['r0', 'r1', 'r2']);
    expect(ids({ key: 'streamIndex', dir: 'desc' })).toEqual(['r2', 'r0', 'r1']);
  });
  it('sorts user ids as text', () => {
    expect(ids({ key: 'userId', dir: 'asc' })).toEqual(['r1', 'r0', 'r2']); // u2, u5, u9
  });
});
