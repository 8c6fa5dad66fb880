import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPRESSION, planRecord, type RowHead } from './compress.ts';
import { snapshotOf } from './fingerprint.ts';

const running = snapshotOf({ Status: 2, PushStreamState: 5, Layout: { LayoutMode: 0 } });
const reconnecting = snapshotOf({ Status: 2, PushStreamState: 3, Layout: { LayoutMode: 0 } });
const timeout = { kind: 'unreachable', code: 'timeout', message: 'no answer in 5 s' } as const;

const row = (over: Partial<RowHead>): RowHead => ({
  id: 1, kind: 'change', observedAt: 0, confirmedUntil: 0, snapshot: running, error: null, ...over,
});

describe('planRecord', () => {
  it('stores the first answer as a change with its payload', () => {
    expect(planRecord(undefined, undefined, { ok: true, at: 1_000, snapshot: running })).toEqual({
      action: 'insert', kind: 'change', continuity: 'first', changed: [], withPayload: true,
    });
  });

  it('extends the last row when an identical answer arrives in time', () => {
    const last = row({ observedAt: 0, confirmedUntil: 15_000 });
    expect(planRecord(last, last, { ok: true, at: 30_000, snapshot: running })).toEqual({
      action: 'extend', id: 1, confirmedUntil: 30_000,
    });
  });

  it('starts a confirm row once a row has covered confirmEveryMs', () => {
    const last = row({ observedAt: 0, confirmedUntil: DEFAULT_COMPRESSION.confirmEveryMs - 10 });
    const plan = planRecord(last, last, { ok: true, at: DEFAULT_COMPRESSION.confirmEveryMs, snapshot: running });
    expect(plan).toEqual({ action: 'insert', kind: 'confirm', continuity: 'continuous', changed: [], withPayload: false });
  });

  it('marks an identical answer after a long silence as resumed, not as continuous', () => {
    const last = row({ observedAt: 0, confirmedUntil: 10_000 });
    const at = 10_000 + DEFAULT_COMPRESSION.continuityMs + 1;
    expect(planRecord(last, last, { ok: true, at, snapshot: running })).toMatchObject({
      action: 'insert', kind: 'confirm', continuity: 'resumed', withPayload: false,
    });
  });

  it('stores a change with a payload and names what changed', () => {
    const last = row({ confirmedUntil: 2_000 });
    expect(planRecord(last, last, { ok: true, at: 4_000, snapshot: reconnecting })).toEqual({
      action: 'insert', kind: 'change', continuity: 'continuous', changed: ['pushStreamState'], withPayload: true,
    });
  });

  it('does not extend a gap with a good answer, and compares against the state before the gap', () => {
    const known = row({ id: 1, confirmedUntil: 2_000 });
    const gap = row({ id: 2, kind: 'gap', observedAt: 4_000, confirmedUntil: 4_000, snapshot: null, error: timeout });
    expect(planRecord(gap, known, { ok: true, at: 6_000, snapshot: running })).toMatchObject({
      action: 'insert', kind: 'confirm', continuity: 'continuous',
    });
  });

  it('folds repeated identical errors into one gap row, and a different error into a new one', () => {
    const gap = row({ id: 2, kind: 'gap', observedAt: 4_000, confirmedUntil: 4_000, snapshot: null, error: timeout });
    expect(planRecord(gap, undefined, { ok: false, at: 8_000, error: timeout })).toEqual({
      action: 'extend', id: 2, confirmedUntil: 8_000,
    });
    const other = { kind: 'upstream', code: 'InternalError', message: 'oops' } as const;
    expect(planRecord(gap, undefined, { ok: false, at: 8_000, error: other })).toMatchObject({ action: 'insert', kind: 'gap' });
  });
});

describe('snapshotOf', () => {
  it('fingerprints ignore key order but not values', () => {
    const a = snapshotOf({ Status: 2, Encode: { VideoFps: 15, VideoGop: 4 } });
    const b = snapshotOf({ Encode: { VideoGop: 4, VideoFps: 15 }, Status: 2 });
    const c = snapshotOf({ Status: 2, Encode: { VideoFps: 30, VideoGop: 4 } });
    expect(a.fingerprints).toEqual(b.fingerprints);
    expect(c.fingerprints.encode).not.toBe(a.fingerprints.encode);
    expect(c.fingerprints.layout).toBe(a.fingerprints.layout);
    expect(a.fingerprints.task).toMatch(/^[0-9a-f]{16}$/);
  });

  it('reads EndTime 0 and an empty StopReason as "not finished"', () => {
    expect(snapshotOf({ Status: 2, EndTime: 0, StopReason: '' })).toMatchObject({ endTime: null, stopReason: null });
  });
});
