import { describe, expect, it } from 'vitest';
import { editorMarks, screenRect } from './editor-marks.ts';

const view = { scale: 0.5, x: 10, y: 20 };

describe('editorMarks', () => {
  it('draws guides at their canvas place on the screen, whatever the zoom', () => {
    const marks = editorMarks(undefined, [{ axis: 'x', at: 640, from: 0, to: 720 }, { axis: 'y', at: 100, from: 200, to: 400 }], view);
    expect(marks).toEqual([
      { kind: 'guide', axis: 'x', points: [330, 20, 330, 380] },
      { kind: 'guide', axis: 'y', points: [110, 70, 210, 70] },
    ]);
  });
  it('puts eight handles of a constant screen size centred on the corners and sides', () => {
    const handles = editorMarks({ x: 100, y: 100, width: 200, height: 100 }, [], view, 10).filter((m) => m.kind === 'handle');
    expect(handles).toHaveLength(8);
    expect(handles.find((h) => h.handle === 'nw')).toMatchObject({ x: 55, y: 65, size: 10 });
    expect(handles.find((h) => h.handle === 'se')).toMatchObject({ x: 155, y: 115, size: 10 });
    expect(handles.find((h) => h.handle === 'e')).toMatchObject({ x: 155, y: 90 });
  });
  it('draws no handles without a selection', () => {
    expect(editorMarks(undefined, [], view)).toEqual([]);
  });
});

describe('screenRect', () => {
  it('maps a canvas rectangle to the screen', () => {
    expect(screenRect({ x: 100, y: 100, width: 200, height: 100 }, view)).toEqual({ x: 60, y: 70, width: 100, height: 50 });
  });
});
