import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../parse-task.ts';
import { deepFreeze } from './edit-test-kit.ts';
import { appendIn, getIn, parsePath, setField, setIn } from './task-paths.ts';

describe('parsePath', () => {
  it('reads the paths formatPath and the request rules print', () => {
    expect(parsePath('Layout.CustomLayout.Regions[2].SourceCrop.WidthProportion')).toEqual(['Layout', 'CustomLayout', 'Regions', 2, 'SourceCrop', 'WidthProportion']);
    expect(parsePath('TargetStreams.StreamList[0]')).toEqual(['TargetStreams', 'StreamList', 0]);
    expect(parsePath('PushURL')).toEqual(['PushURL']);
  });

  it('refuses malformed paths and keys that reach a prototype', () => {
    for (const bad of ['', '.A', 'A.', 'A..B', 'A[x]', 'A[-1]', 'A[1', '[0]x', 'A.__proto__.B', 'constructor', 'A.prototype']) {
      expect(parsePath(bad), bad).toBeUndefined();
    }
  });

  it('is the inverse of formatPath', () => {
    const part = fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/), fc.nat({ max: 40 }));
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/), fc.array(part, { maxLength: 6 }), (first, rest) => {
      const parts = [first, ...rest];
      expect(parsePath(formatPath(parts))).toEqual(parts);
    }));
  });
});

describe('setIn', () => {
  const task = () => deepFreeze({ Layout: { LayoutMode: 2, CustomLayout: { Regions: [{ ZOrder: 1 }, { ZOrder: 2 }] } }, Encode: { VideoFps: 15 } });

  it('replaces one value, copying only the objects on the path', () => {
    const before = task();
    const after = setIn(before, ['Layout', 'CustomLayout', 'Regions', 1, 'ZOrder'], 7) as typeof before;
    expect(after.Layout.CustomLayout.Regions[1]).toEqual({ ZOrder: 7 });
    expect(before.Layout.CustomLayout.Regions[1]).toEqual({ ZOrder: 2 });
    expect(after.Encode).toBe(before.Encode);
    expect(after.Layout.CustomLayout.Regions[0]).toBe(before.Layout.CustomLayout.Regions[0]);
  });

  it('removes a key, or an element of a list, for undefined', () => {
    const before = task();
    expect(setIn(before, ['Encode', 'VideoFps'], undefined)).toEqual({ ...before, Encode: {} });
    const shorter = setIn(before, ['Layout', 'CustomLayout', 'Regions', 0], undefined) as ReturnType<typeof task>;
    expect(shorter.Layout.CustomLayout.Regions).toEqual([{ ZOrder: 2 }]);
    expect(setIn(before, ['Layout', 'CustomLayout', 'Regions', 5], undefined)).toEqual(before);
  });

  it('creates the objects missing on the way', () => {
    expect(setIn({}, ['Layout', 'CustomLayout', 'Canvas', 'Background'], '#ffffff')).toEqual({ Layout: { CustomLayout: { Canvas: { Background: '#ffffff' } } } });
    expect(setIn({ SourceCrop: 'bad' }, ['SourceCrop', 'LocationX'], 0.5)).toEqual({ SourceCrop: { LocationX: 0.5 } });
  });

  it('never makes up, grows or replaces a list, nor creates anything to remove it', () => {
    const before = task();
    expect(setIn(before, ['Layout', 'CustomLayout', 'Regions', 2, 'ZOrder'], 1)).toEqual(before);
    expect(setIn({ L: 'text' }, ['L', 0, 'Z'], 1)).toEqual({ L: 'text' });
    expect(setIn(before, ['Layout', 'CustomLayout', 'Regions', 'length'], 0)).toEqual(before);
    expect(setIn([1, 2], ['k'], 3)).toEqual([1, 2]);
    expect(setIn(before, ['Control', 'SEIConfig', 'SEIPayLoadType'], undefined)).toBe(before);
  });

  it('appends to a list, making it when missing', () => {
    expect(appendIn({ A: { L: [1] } }, ['A', 'L'], 2)).toEqual({ A: { L: [1, 2] } });
    expect(appendIn({ A: 'x' }, ['A', 'L'], 2)).toEqual({ A: { L: [2] } });
  });

  it('makes getIn read back what it wrote, and changes nothing else', () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    const parts = fc.array(fc.oneof(fc.constantFrom('A', 'B', 'C'), fc.nat({ max: 3 })), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(json, parts, fc.oneof(fc.integer(), fc.string()), (root, path, value) => {
      const frozen = deepFreeze(structuredClone(root));
      const copy = structuredClone(root);
      const out = setIn(frozen, path, value);
      // Settable unless a list on the way would have to grow, be made up or be replaced.
      let cur: unknown = root;
      let settable = true;
      for (const part of path) {
        if (typeof part === 'number' ? !(Array.isArray(cur) && part < cur.length) : Array.isArray(cur)) settable = false;
        cur = settable && cur !== null && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[part] : undefined;
      }
      if (settable) expect(getIn(out, path)).toEqual(value);
      else expect(out).toEqual(copy);
      expect(frozen).toEqual(copy);
    }));
  });

  it('keeps a task an object', () => {
    expect(setField({ A: 1 }, ['A'], 2)).toEqual({ A: 2 });
    expect(setField({ A: 1 }, [0], 2)).toEqual({ A: 1 });
    expect(getIn({ A: [{ B: 1 }] }, ['A', 0, 'B'])).toBe(1);
    expect(getIn({ A: { 0: 1 } }, ['A', 0])).toBeUndefined();
    expect(getIn({ A: null }, ['A', 'B'])).toBeUndefined();
    expect(setIn({ L: [1, 2] }, ['L', -1], undefined)).toEqual({ L: [1, 2] });
    expect(setIn({ L: [1, 2] }, ['L', 0.5], 3)).toEqual({ L: [1, 2] });
    expect(getIn({ A: [1] }, ['A', 'length'])).toBeUndefined();
  });
});
