import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ending, TaskScript } from './sim-types.ts';
import { applyUpdate } from './task-body-merge.ts';
import { taskStateAt } from './task-lifecycle.ts';

const S = 1000;
const MIN = 60 * S;
const T = 1_700_000_000_000;

function script(over: Partial<TaskScript> = {}): TaskScript {
  return {
    key: { appId: 'a', roomId: 'r', taskId: 't' }, createdAt: T,
    body: { PushURL: 'rtmp://cdn/live/k', Encode: { VideoFps: 15, VideoBitrate: 1000 } },
    startDelayMs: 2 * S, unknownMs: 1 * S, waitPublisherMs: 1 * S, connectMs: 2 * S, handshakeMs: 1 * S,
    reconnects: [{ atMs: 10 * MIN, durationMs: 5 * S }],
    revisions: [], ending: { kind: 'none' }, ...over,
  };
}

const at = (s: TaskScript, rel: number) => {
  const snap = taskStateAt(s, s.createdAt + rel);
  return snap && [snap.status, snap.pushState, snap.stopReason, snap.endTime === 0 ? 0 : snap.endTime - s.createdAt];
};

describe('taskStateAt', () => {
  it('does not exist before its StartTime', () => {
    expect(taskStateAt(script(), T - 1)).toBeUndefined();
  });

  it('walks not started → state unknown → waiting → connecting → connected → pushing', () => {
    const s = script();
    expect(at(s, 0)).toEqual([1, 0, '', 0]); // Status 1: PushStreamState is 0, as documented
    expect(at(s, 2 * S)).toEqual([2, 0, '', 0]);
    expect(at(s, 3 * S)).toEqual([2, 1, '', 0]);
    expect(at(s, 4 * S)).toEqual([2, 2, '', 0]);
    expect(at(s, 6 * S)).toEqual([2, 4, '', 0]);
    expect(at(s, 7 * S)).toEqual([2, 5, '', 0]);
  });

  it('reconnects (3), reconnects to the CDN (4), then pushes again (5)', () => {
    const s = script();
    expect(at(s, 10 * MIN - 1)?.[1]).toBe(5);
    expect(at(s, 10 * MIN)?.[1]).toBe(3);
    expect(at(s, 10 * MIN + 5 * S)?.[1]).toBe(4);
    expect(at(s, 10 * MIN + 6 * S)?.[1]).toBe(5);
  });

  it('ends with Status 3, PushStreamState 6, the StopReason and an EndTime', () => {
    const s = script({ ending: { kind: 'stop', atMs: 30 * MIN, reason: 'IdleTimeOut' } });
    expect(at(s, 30 * MIN - 1)).toEqual([2, 5, '', 0]);
    expect(at(s, 30 * MIN)).toEqual([3, 6, 'IdleTimeOut', 30 * MIN]);
    expect(at(s, 80 * 60 * MIN)).toEqual([3, 6, 'IdleTimeOut', 30 * MIN]);
  });

  it('fails to start with Status 4, StartTaskFailed and PushStreamState 0', () => {
    const s = script({ connectMs: 60 * S, ending: { kind: 'fail', atMs: 40 * S } });
    expect(at(s, 39 * S)).toEqual([2, 2, '', 0]);
    expect(at(s, 40 * S)).toEqual([4, 0, 'StartTaskFailed', 40 * S]);
  });

  it('applies updates in time order with their SequenceNumber, and none after the end', () => {
    const s = script({
      revisions: [
        { atMs: 20 * MIN, sequenceNumber: 2, partial: true, update: { Encode: { VideoFps: 30 } } },
        { atMs: 10 * MIN, sequenceNumber: 1, partial: true, update: { Encode: { VideoBitrate: 2000 } } },
        { atMs: 40 * MIN, sequenceNumber: 3, partial: false, update: {} },
      ],
      ending: { kind: 'stop', atMs: 30 * MIN, reason: 'StopByAPI' },
    });
    const encodeAt = (rel: number) => taskStateAt(s, T + rel)?.body.Encode;
    expect(encodeAt(5 * MIN)).toEqual({ VideoFps: 15, VideoBitrate: 1000 });
    expect(encodeAt(15 * MIN)).toEqual({ VideoFps: 15, VideoBitrate: 2000 });
    expect(encodeAt(25 * MIN)).toEqual({ VideoFps: 30, VideoBitrate: 2000 });
    expect(taskStateAt(s, T + 50 * MIN)?.sequenceNumber).toBe(2); // seq 3 came after the stop
  });

  it('restarts a repeating task every cycle: new StartTime, same script', () => {
    const s = script({ repeatEveryMs: 24 * 60 * MIN });
    const day2 = taskStateAt(s, T + 24 * 60 * MIN + 3 * S);
    expect(day2?.startTime).toBe(T + 24 * 60 * MIN);
    expect(day2?.pushState).toBe(1);
  });
});

describe('applyUpdate', () => {
  const body = { PushURL: 'rtmp://a/b', Encode: { VideoFps: 15, VideoGop: 4 }, Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 640 }, Regions: [{ StreamIndex: 0, x: 0, y: 0, w: 1, h: 1 }] } } };

  it('partial: merges objects down the hierarchy and replaces arrays whole', () => {
    const next = applyUpdate(body, { Encode: { VideoFps: 30 }, Layout: { CustomLayout: { Regions: [] } } }, true);
    expect(next.Encode).toEqual({ VideoFps: 30, VideoGop: 4 });
    expect(next.Layout).toEqual({ LayoutMode: 2, CustomLayout: { Canvas: { Width: 640 }, Regions: [] } });
  });

  it('full: replaces every updatable section, so one left out returns to its defaults; PushURL stays', () => {
    const next = applyUpdate(body, { Encode: { VideoFps: 30 } }, false);
    expect(next).toEqual({ PushURL: 'rtmp://a/b', Encode: { VideoFps: 30 } });
  });
});

describe('properties', () => {
  const endingArb: fc.Arbitrary<Ending> = fc.oneof(
    fc.constant({ kind: 'none' as const }),
    fc.record({ kind: fc.constant('stop' as const), atMs: fc.nat(10 * MIN), reason: fc.constantFrom('StopByAPI' as const, 'IdleTimeOut' as const, 'UserDisconnect' as const, 'UnknownStopReason' as const) }),
    fc.record({ kind: fc.constant('fail' as const), atMs: fc.nat(10 * MIN) }),
  );
  const scriptArb = fc.record({
    startDelayMs: fc.nat(5 * S), unknownMs: fc.nat(3 * S), waitPublisherMs: fc.nat(3 * S), connectMs: fc.nat(3 * S), handshakeMs: fc.nat(3 * S),
    reconnects: fc.array(fc.record({ atMs: fc.nat(10 * MIN), durationMs: fc.nat(30 * S) }), { maxLength: 6 }),
    ending: endingArb,
  }).map((over) => script(over));

  it('PushStreamState agrees with Status as documented, and EndTime is 0 exactly while not ended', () => {
    fc.assert(fc.property(scriptArb, fc.integer({ min: -MIN, max: 20 * MIN }), (s, rel) => {
      const snap = taskStateAt(s, T + rel);
      if (rel < 0) return snap === undefined;
      if (!snap) return false;
      const ended = snap.status === 3 || snap.status === 4;
      if (snap.status === 2 && !(snap.pushState >= 0 && snap.pushState <= 5)) return false;
      if (snap.status === 3 && (snap.pushState !== 6 || snap.stopReason === '' || snap.stopReason === 'StartTaskFailed')) return false;
      if (snap.status !== 2 && snap.status !== 3 && snap.pushState !== 0) return false;
      return ended ? snap.endTime > 0 && snap.endTime >= snap.startTime : snap.endTime === 0 && snap.stopReason === '';
    }));
  });

  it('is a pure function of script and time', () => {
    fc.assert(fc.property(scriptArb, fc.nat(20 * MIN), (s, rel) => {
      expect(taskStateAt(s, T + rel)).toEqual(taskStateAt(structuredClone(s), T + rel));
    }));
  });
});
