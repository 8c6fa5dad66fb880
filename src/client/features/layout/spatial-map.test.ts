import { describe, expect, it } from 'vitest';
import { buildTaskModel } from '../../../shared/task-model.ts';
import { spatialScene, toMap } from './spatial-map.ts';

describe('toMap', () => {
  it('puts the origin in the middle, forward up and right to the right', () => {
    expect(toMap([0, 0, 0])).toEqual({ x: 0.5, y: 0.5, outOfRange: false });
    expect(toMap([100, 0, 0])).toMatchObject({ x: 0.5, y: 0 });
    expect(toMap([0, -100, 0])).toMatchObject({ x: 0, y: 0.5 });
  });
  it('clamps and flags a position outside [-100, 100]', () => {
    expect(toMap([0, 250, 0])).toEqual({ x: 1, y: 0.5, outOfRange: true });
  });
});

describe('spatialScene', () => {
  const model = buildTaskModel({
    TargetStreams: { StreamList: [{ UserId: 'a', Index: 0 }, { UserId: 'b', Index: 1 }] },
    Layout: {
      LayoutMode: 2,
      CustomLayout: {
        Canvas: { Width: 1280, Height: 720 },
        Regions: [
          { StreamIndex: 0, Width: 10, Height: 10, SpatialPosition: [0, -50, 0] },
          { StreamIndex: 1, Width: 10, Height: 10, ApplySpatialAudio: false },
        ],
      },
    },
    Control: { SpatialConfig: { EnableSpatialRender: true, AudienceSpatialOrientation: { Forward: [0, 1, 0] } } },
  }, '2023-11-01');
  const scene = spatialScene(model.layout, model.task.Control);

  it('reads the positions, defaults marked', () => {
    expect(scene.enabled).toBe(true);
    expect(scene.marks.map((m) => [m.id, m.mapX, m.defaulted, m.ignored])).toEqual([['r0', 0.25, false, false], ['r1', 0.5, true, true]]);
    expect(scene.audienceDefaulted).toBe(true);
  });

  it('points the audience along its Forward vector', () => {
    expect(scene.forward).toEqual({ x: 1, y: 0 });
  });
});
