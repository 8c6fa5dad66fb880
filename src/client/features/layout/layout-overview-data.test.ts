import { describe, expect, it } from 'vitest';
import { occlusion } from '../../../shared/layout-geometry.ts';
import { pixelLayout } from '../../../shared/layout-test-tasks.ts';
import { leastVisible } from './layout-overview-data.ts';

describe('leastVisible', () => {
  it('lists partly seen regions, least visible first', () => {
    const layout = pixelLayout([
      { x: 0, y: 0, w: 100, h: 100, z: 0 }, // half under r2
      { x: 1240, y: 0, w: 80, h: 80, z: 0 }, // half off the canvas
      { x: 50, y: 0, w: 100, h: 100, z: 1 },
      { x: 400, y: 400, w: 10, h: 10, z: 0 }, // fully seen
    ]);
    const list = leastVisible(layout, occlusion(layout));
    expect(list.map((e) => [e.region.id, e.visible])).toEqual([['r0', 0.5], ['r1', 0.5]]);
  });
  it('is empty when every region is fully seen', () => {
    const layout = pixelLayout([{ x: 0, y: 0, w: 10, h: 10 }]);
    expect(leastVisible(layout, occlusion(layout))).toEqual([]);
  });
});
