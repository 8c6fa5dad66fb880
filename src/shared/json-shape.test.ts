import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkJsonShape, describeJsonShapeProblem } from './json-shape.ts';

/** Depth the plain recursive way, as the definition the iterative check must agree with. */
function depthOf(v: unknown): number {
  if (typeof v !== 'object' || v === null) return 0;
  const children = Array.isArray(v) ? v : Object.values(v);
  return 1 + Math.max(0, ...children.map(depthOf));
}
function countOf(v: unknown): number {
  if (typeof v !== 'object' || v === null) return 1;
  const children = Array.isArray(v) ? v : Object.values(v);
  return 1 + children.reduce<number>((n, c) => n + countOf(c), 0);
}
const nested = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

describe('checkJsonShape', () => {
  it('accepts a real task and plain values', () => {
    const task = { Status: 2, Control: { Layout: { Regions: [{ UserId: 'u', SourceCrop: { LocationX: 0 } }] } }, PushURL: 'rtmp://x' };
    for (const v of [task, 1, 'text', null, [], {}]) expect(checkJsonShape(v)).toEqual({ ok: true });
  });

  it('refuses 5,000 levels without overflowing the stack, and says where', () => {
    const body = JSON.parse(`{"Result":{"PushMixedStreamToCDNTask":{"Deep":${'['.repeat(5000)}${']'.repeat(5000)}}}}`);
    const verdict = checkJsonShape(body, { maxDepth: 64, maxValues: 100_000 });
    expect(verdict).toEqual({ ok: false, problem: 'depth', limit: 64, path: 'Result.PushMixedStreamToCDNTask.Deep[0]…' });
    expect(verdict.ok || describeJsonShapeProblem(verdict)).toBe('the value at Result.PushMixedStreamToCDNTask.Deep[0]… is nested more than 64 levels deep');
  });

  it('refuses a value that holds too many values', () => {
    const verdict = checkJsonShape(Array.from({ length: 11 }, () => 0), { maxDepth: 64, maxValues: 10 });
    expect(verdict).toEqual({ ok: false, problem: 'size', limit: 10 });
    expect(verdict.ok || describeJsonShapeProblem(verdict)).toBe('it holds more than 10 values');
  });

  it('is exactly at the limits: depth and count equal to them pass, one more fails', () => {
    expect(checkJsonShape(nested(64), { maxDepth: 64, maxValues: 100 }).ok).toBe(true);
    expect(checkJsonShape(nested(65), { maxDepth: 64, maxValues: 100 })).toMatchObject({ ok: false, problem: 'depth', path: '[0][0][0][0]…' });
    expect(checkJsonShape([0, 0], { maxDepth: 5, maxValues: 3 }).ok).toBe(true);
  });

  it('agrees with the recursive definition of depth and size on any JSON value (property)', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 60 }), (value, maxDepth, maxValues) => {
      const verdict = checkJsonShape(value, { maxDepth, maxValues });
      const fits = depthOf(value) <= maxDepth && countOf(value) <= maxValues;
      return verdict.ok === fits;
    }), { numRuns: 300 });
  });
});
