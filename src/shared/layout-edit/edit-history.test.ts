import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, HISTORY_DEPTH, record, redo, startHistory, undo, type EditHistory } from './edit-history.ts';

describe('edit history', () => {
  it('undoes and redoes step by step', () => {
    let h = startHistory('a');
    expect([canUndo(h), canRedo(h)]).toEqual([false, false]);
    h = record(record(h, 'b'), 'c');
    expect(h.present).toBe('c');
    h = undo(h);
    expect([h.present, canUndo(h), canRedo(h)]).toEqual(['b', true, true]);
    h = undo(h);
    expect([h.present, canUndo(h)]).toEqual(['a', false]);
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect([h.present, canRedo(h)]).toEqual(['c', false]);
    expect(redo(h)).toBe(h);
  });

  it('drops what was undone when a new step is recorded', () => {
    const h = record(undo(record(startHistory(1), 2)), 3);
    expect(h).toMatchObject({ past: [1], present: 3, future: [] });
  });

  it('merges the records of one gesture into one step, and not across an undo', () => {
    let h = record(startHistory('start'), 'x1', { coalesce: 'drag-1' });
    h = record(h, 'x2', { coalesce: 'drag-1' });
    h = record(h, 'x3', { coalesce: 'drag-1' });
    expect(h).toMatchObject({ past: ['start'], present: 'x3' });
    h = record(h, 'y1', { coalesce: 'drag-2' });
    expect(h.past).toEqual(['start', 'x3']);
    h = record(undo(h), 'z', { coalesce: 'drag-2' });
    expect(h.past).toEqual(['start', 'x3']);
    h = record(h, 'plain');
    h = record(h, 'plain again');
    expect(h.past).toEqual(['start', 'x3', 'z', 'plain']);
  });

  it('ignores a record of the present itself (an edit that did not apply)', () => {
    const doc = { a: 1 };
    const h = startHistory(doc);
    expect(record(h, doc)).toBe(h);
  });

  it('keeps at most HISTORY_DEPTH steps to undo', () => {
    let h = startHistory(0);
    for (let i = 1; i <= HISTORY_DEPTH + 20; i++) h = record(h, i);
    expect(h.past).toHaveLength(HISTORY_DEPTH);
    expect(h.past[0]).toBe(20);
    for (let i = 0; i < HISTORY_DEPTH + 5; i++) h = undo(h);
    expect(h.present).toBe(20);
    for (let i = 0; i < HISTORY_DEPTH + 5; i++) h = redo(h);
    expect(h.present).toBe(HISTORY_DEPTH + 20);
    expect(h.past).toHaveLength(HISTORY_DEPTH);
  });

  it('makes redo undo an undo, and undo undo a redo', () => {
    type Step = { op: 'record'; value: number; coalesce?: string } | { op: 'undo' } | { op: 'redo' };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ op: fc.constant('record' as const), value: fc.integer(), coalesce: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }) }),
      fc.constant({ op: 'undo' as const }),
      fc.constant({ op: 'redo' as const }),
    );
    const run = (h: EditHistory<number>, s: Step) => (s.op === 'record' ? record(h, s.value, s.coalesce === undefined ? {} : { coalesce: s.coalesce }) : s.op === 'undo' ? undo(h) : redo(h));
    const view = (h: EditHistory<number>) => ({ past: h.past, present: h.present, future: h.future });
    fc.assert(fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
      const h = steps.reduce(run, startHistory(0));
      if (canUndo(h)) expect(view(redo(undo(h)))).toEqual(view(h));
      if (canRedo(h)) expect(view(undo(redo(h)))).toEqual(view(h));
      expect(h.past.length + 1 + h.future.length).toBeGreaterThanOrEqual(1);
    }));
  });
});
