import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../../shared/layout-edit/edit-ops.ts';
import { requestRules } from '../../../../shared/request-rules.ts';
import { buildTaskModel } from '../../../../shared/task-model.ts';
import { addUserSteps, lastStreamIndex, removeUserSteps } from './edit-steps.ts';
import type { EditStep } from './use-layout-edit.ts';

const KEY = { AppId: 'app', RoomId: 'room', TaskId: 'task' };
const region = (i: number, x: number) => ({ StreamIndex: i, LocationX: x, LocationY: 0, WidthProportion: 0.25, HeightProportion: 0.5 });
const TASK = {
  TargetStreams: { StreamList: [{ UserId: 'a', Index: 0 }, { UserId: 'b', Index: 1 }, { UserId: 'c', Index: 3 }] },
  Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280, Height: 720 }, Regions: [region(3, 0), region(0, 0.25), region(1, 0.5), region(3, 0.75)] } },
};

const run = (doc: unknown, steps: readonly EditStep[]) => steps.reduce<unknown>((d, s) => applyEdit(d, '2020-12-01', typeof s === 'function' ? s(d) : s), doc);
const rejected = (doc: unknown) => requestRules({ ...KEY, ...(doc as object) }, 'update', '2020-12-01').filter((r) => r.effect === 'rejected').map((r) => r.code);

// One region per stream: a body Volcengine takes.
const CLEAN = { ...TASK, Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280, Height: 720 }, Regions: [region(0, 0), region(1, 0.25), region(3, 0.5)] } } };

describe('lastStreamIndex', () => {
  it('reads the Index of the last stream, if it has one', () => {
    expect(lastStreamIndex(TASK)).toBe(3);
    expect(lastStreamIndex({})).toBeUndefined();
    expect(lastStreamIndex({ TargetStreams: { StreamList: [{ UserId: 'x' }] } })).toBeUndefined();
  });
});

describe('addUserSteps', () => {
  it('gives a new user of a custom layout their own region, so the body is not refused', () => {
    expect(rejected(CLEAN)).toEqual([]);
    const out = run(CLEAN, addUserSteps('d', 1, true));
    const model = buildTaskModel(out, '2020-12-01');
    const added = model.targets.at(-1);
    expect(added).toMatchObject({ userId: 'd', streamType: { value: 1 } });
    expect(model.layout.regions.filter((r) => r.streamIndex === added?.index)).toHaveLength(1);
    expect(rejected(out)).toEqual([]);
  });
  it('adds only the stream to a template layout, which places streams itself', () => {
    expect(addUserSteps('d', 0, false)).toEqual([{ kind: 'addStream', userId: 'd', streamType: 0 }]);
  });
});

describe('removeUserSteps', () => {
  it('removes the stream and every region showing it, later regions first', () => {
    const model = buildTaskModel(TASK, '2020-12-01');
    const steps = removeUserSteps(model.targets, model.layout.regions, 2, true);
    expect(steps).toEqual([{ kind: 'removeRegion', regionIndex: 3 }, { kind: 'removeRegion', regionIndex: 0 }, { kind: 'removeStream', listIndex: 2 }]);
    const out = buildTaskModel(run(TASK, steps), '2020-12-01');
    expect(out.targets.map((s) => s.userId)).toEqual(['a', 'b']);
    expect(out.layout.regions.map((r) => r.streamIndex).sort()).toEqual([0, 1]);
    expect(rejected(run(TASK, steps))).toEqual([]);
  });
  it('leaves regions alone in a template layout', () => {
    const model = buildTaskModel(TASK, '2020-12-01');
    expect(removeUserSteps(model.targets, model.layout.regions, 0, false)).toEqual([{ kind: 'removeStream', listIndex: 0 }]);
  });
});
