import { describe, expect, it } from 'vitest';
import { applyEdit, regionFieldPath } from './edit-ops.ts';
import { editDiff } from './edit-diff.ts';

describe('editDiff', () => {
  it('lists what an edit changed, by the paths the edits use', () => {
    const original = {
      TargetStreams: { StreamList: [{ UserId: 'a', Index: 0 }] },
      Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 640, Height: 480 }, Regions: [{ StreamIndex: 0, LocationX: 0, LocationY: 0, Width: 640, Height: 480 }] } },
    };
    let edited = applyEdit(original, '2023-11-01', { kind: 'place', regionIndex: 0, rect: { x: 10, y: 0, width: 320, height: 480 } });
    edited = applyEdit(edited, '2023-11-01', { kind: 'set', path: regionFieldPath(0, 'Alpha'), value: 0.5 });
    edited = applyEdit(edited, '2023-11-01', { kind: 'addStream', userId: 'b' });
    expect(editDiff(original, edited)).toEqual([
      { path: 'TargetStreams.StreamList', before: '1', after: '2', count: true },
      { path: 'Layout.CustomLayout.Regions[0].LocationX', before: '0', after: '10' },
      { path: 'Layout.CustomLayout.Regions[0].Width', before: '640', after: '320' },
      { path: 'Layout.CustomLayout.Regions[0].Alpha', before: undefined, after: '0.5' },
    ]);
    expect(editDiff(original, original)).toEqual([]);
  });
});
