import { describe, expect, it } from 'vitest';
import { ratioToPixels, renderControl, renderTask, roundRatio } from './render-task.ts';
import type { SimControl, TaskScript } from './sim-types.ts';
import { taskStateAt, type TaskSnapshot } from './task-lifecycle.ts';

function snapshotOf(body: TaskScript['body']): TaskSnapshot {
  const script: TaskScript = {
    key: { appId: 'a', roomId: 'r', taskId: 't' }, createdAt: 1_000, body,
    startDelayMs: 0, unknownMs: 0, waitPublisherMs: 0, connectMs: 0, handshakeMs: 0,
    reconnects: [], revisions: [], ending: { kind: 'stop', atMs: 5_000, reason: 'StopByAPI' },
  };
  const snapshot = taskStateAt(script, 10_000);
  if (!snapshot) throw new Error('no snapshot');
  return snapshot;
}

const layoutBody = (regions: Array<{ x: number; y: number; w: number; h: number }>): TaskScript['body'] => ({
  PushURL: 'rtmp://x/y',
  Layout: {
    LayoutMode: 2,
    MainVideoStreamIndex: 1,
    CustomLayout: { Canvas: { Width: 1920, Height: 1080 }, Regions: regions.map((r, i) => ({ StreamIndex: i, ...r, ZOrder: i })) },
  },
});

type Region = Record<string, unknown>;
const regionsOf = (task: Record<string, unknown>): Region[] =>
  ((task['Layout'] as { CustomLayout: { Regions: Region[] } }).CustomLayout.Regions);

describe('ratioToPixels', () => {
  it('rounds like the documented worked example', () => {
    expect(ratioToPixels(0.33, 1920)).toBe(634); // 633.6 → 634
    expect(ratioToPixels(0.2, 720)).toBe(144);
    expect(ratioToPixels(0.5, 1281)).toBe(641); // 640.5 rounds half up
  });

  it('round-trips pixels stored as ratios', () => {
    for (const px of [0, 1, 320, 633, 634, 1279, 1919]) expect(ratioToPixels(roundRatio(px / 1920), 1920)).toBe(px);
  });
});

describe('renderTask regions', () => {
  const body = layoutBody([{ x: 0.33, y: 0.2, w: 0.5, h: 0.4 }, { x: 0.9, y: 0.9, w: 0.0001, h: 0.0001 }]);

  it('answers 2020-12-01 in ratios with the proportions fields', () => {
    const [first] = regionsOf(renderTask(snapshotOf(body), '2020-12-01'));
    expect(first).toMatchObject({ StreamIndex: 0, LocationX: 0.33, LocationY: 0.2, WidthProportion: 0.5, HeightProportion: 0.4, ZOrder: 0 });
    expect(first).not.toHaveProperty('Width');
  });

  it('answers 2023 versions in integer pixels of the canvas', () => {
    for (const version of ['2023-06-01', '2023-11-01'] as const) {
      const [first, sliver] = regionsOf(renderTask(snapshotOf(body), version));
      expect(first).toMatchObject({ LocationX: 634, LocationY: 216, Width: 960, Height: 432 });
      expect(first).not.toHaveProperty('WidthProportion');
      // A region never rounds away to nothing: Width and Height are (0, Canvas].
      expect(sliver).toMatchObject({ Width: 1, Height: 1 });
    }
  });

  it('keeps MainVideoStreamIndex only in 2020-12-01, where it is merely deprecated', () => {
    expect(renderTask(snapshotOf(body), '2020-12-01')['Layout']).toHaveProperty('MainVideoStreamIndex', 1);
    expect(renderTask(snapshotOf(body), '2023-06-01')['Layout']).not.toHaveProperty('MainVideoStreamIndex');
  });
});

describe('renderControl', () => {
  const control: SimControl = {
    MediaType: 0, MaxRecordTime: 3600, TalkVolume: 40, VolumeIndicationMode: true, VolumeIndicationInterval: 0.4,
    SEIConfig: { SEIPayLoadType: 100 },
  };

  it('2020-12-01: TalkVolume and top-level volume indication, an Int32 interval of at least 1 s, no SEIConfig', () => {
    expect(renderControl(control, '2020-12-01')).toEqual({
      MediaType: 0, MaxRecordTime: 3600, TalkVolume: 40, VolumeIndicationMode: true, VolumeIndicationInterval: 1,
    });
  });

  it('2023-06-01: volume indication inside SEIConfig, no TalkVolume, MaxRecordTime kept', () => {
    expect(renderControl(control, '2023-06-01')).toEqual({
      MediaType: 0, MaxRecordTime: 3600, SEIConfig: { SEIPayLoadType: 100, VolumeIndicationMode: true, VolumeIndicationInterval: 0.4 },
    });
  });

  it('2023-11-01: as 2023-06-01 without MaxRecordTime', () => {
    expect(renderControl(control, '2023-11-01')).not.toHaveProperty('MaxRecordTime');
    expect(renderControl(control, '2023-11-01')).toHaveProperty('SEIConfig.VolumeIndicationInterval', 0.4);
  });
});

describe('number modes', () => {
  const body = layoutBody([{ x: 0.25, y: 0, w: 0.5, h: 1 }]);

  it('sends numbers as numbers by default', () => {
    expect(renderTask(snapshotOf(body), '2020-12-01')['PushStreamState']).toBe(6);
  });

  it('sends PushStreamState as a string, like the documented example', () => {
    const task = renderTask(snapshotOf(body), '2020-12-01', 'push-state-as-string');
    expect(task['PushStreamState']).toBe('6');
    expect(task['Status']).toBe(3);
  });

  it('can send every number as a string', () => {
    const task = renderTask(snapshotOf(body), '2023-11-01', 'all-as-strings');
    expect(task).toMatchObject({ Status: '3', EndTime: '6000', StartTime: '1000' });
    expect(regionsOf(task)[0]).toMatchObject({ LocationX: '480', Width: '960', StreamIndex: '0' });
  });
});
