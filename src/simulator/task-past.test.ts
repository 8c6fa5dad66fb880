import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildScenarioScripts } from './scenarios.ts';
import { errorOf, getTask, postAction, taskOf, testSim } from './sim-test-kit.ts';
import type { Ending, Revision, TaskScript } from './sim-types.ts';
import { taskStateAt, type TaskSnapshot } from './task-lifecycle.ts';
import { taskPast, type PastStep } from './task-past.ts';

const S = 1000;
const MIN = 60 * S;
const T = 1_700_000_000_000;

function script(over: Partial<TaskScript> = {}): TaskScript {
  return {
    key: { appId: 'a', roomId: 'r', taskId: 't' }, createdAt: T,
    body: { PushURL: 'rtmp://cdn/live/k', Encode: { VideoFps: 15, VideoBitrate: 1000 } },
    startDelayMs: 2 * S, unknownMs: 1 * S, waitPublisherMs: 1 * S, connectMs: 2 * S, handshakeMs: 1 * S,
    reconnects: [], revisions: [], ending: { kind: 'none' }, ...over,
  };
}

const stateOf = (s: TaskSnapshot) => [s.status, s.pushState, s.stopReason, s.endTime, s.sequenceNumber, s.startTime];
const stepIn = (steps: readonly PastStep[], t: number) => steps.filter((s) => s.at <= t).at(-1);

describe('taskPast', () => {
  it('walks a task through its start, a reconnect, an update and its stop, one step per change', () => {
    const s = script({
      reconnects: [{ atMs: 10 * MIN, durationMs: 5 * S }],
      revisions: [{ atMs: 20 * MIN, sequenceNumber: 1, partial: true, update: { Encode: { VideoFps: 30 } } }],
      ending: { kind: 'stop', atMs: 30 * MIN, reason: 'StopByAPI' },
    });
    const steps = taskPast(s, T + 60 * MIN);
    expect(steps.map((p) => [p.at - T, p.snapshot.status, p.snapshot.pushState, p.snapshot.sequenceNumber])).toEqual([
      [0, 1, 0, 0],
      [2 * S, 2, 0, 0],
      [3 * S, 2, 1, 0],
      [4 * S, 2, 2, 0],
      [6 * S, 2, 4, 0],
      [7 * S, 2, 5, 0],
      [10 * MIN, 2, 3, 0],
      [10 * MIN + 5 * S, 2, 4, 0],
      [10 * MIN + 6 * S, 2, 5, 0],
      [20 * MIN, 2, 5, 1],
      [30 * MIN, 3, 6, 1],
    ]);
    expect(steps.at(-1)?.snapshot.endTime).toBe(T + 30 * MIN);
  });

  it('stops at now while the task runs, and is empty before its StartTime', () => {
    const s = script({ reconnects: [{ atMs: 10 * MIN, durationMs: 5 * S }] });
    expect(taskPast(s, T + 5 * S).map((p) => p.at - T)).toEqual([0, 2 * S, 3 * S, 4 * S]);
    expect(taskPast(s, T - 1)).toEqual([]);
  });

  it('of a daily restarted task is its current cycle only', () => {
    const s = script({ repeatEveryMs: 24 * 60 * MIN });
    const steps = taskPast(s, T + 24 * 60 * MIN + 10 * S);
    expect(steps[0]?.at).toBe(T + 24 * 60 * MIN);
    expect(steps.every((p) => p.snapshot.startTime === T + 24 * 60 * MIN)).toBe(true);
  });
});

describe('taskPast properties', () => {
  const endingArb: fc.Arbitrary<Ending> = fc.oneof(
    fc.constant({ kind: 'none' as const }),
    fc.record({ kind: fc.constant('stop' as const), atMs: fc.nat(30 * MIN), reason: fc.constantFrom('StopByAPI' as const, 'IdleTimeOut' as const, 'UnknownStopReason' as const) }),
    fc.record({ kind: fc.constant('fail' as const), atMs: fc.nat(30 * MIN) }),
  );
  const revisionsArb: fc.Arbitrary<Revision[]> = fc.array(fc.record({ atMs: fc.nat(30 * MIN), fps: fc.integer({ min: 1, max: 60 }) }), { maxLength: 4 })
    .map((rs) => rs.map((r, i) => ({ atMs: r.atMs, sequenceNumber: i + 1, partial: true, update: { Encode: { VideoFps: r.fps } } })));
  const scriptArb = fc.record({
    startDelayMs: fc.nat(5 * S), unknownMs: fc.nat(3 * S), waitPublisherMs: fc.nat(3 * S), connectMs: fc.nat(3 * S), handshakeMs: fc.nat(3 * S),
    reconnects: fc.array(fc.record({ atMs: fc.nat(30 * MIN), durationMs: fc.nat(30 * S) }), { maxLength: 8 }),
    revisions: revisionsArb,
    ending: endingArb,
    repeatEveryMs: fc.option(fc.integer({ min: 10 * MIN, max: 60 * MIN }), { nil: undefined }),
  }).map(({ repeatEveryMs, ...over }) => script(repeatEveryMs === undefined ? over : { ...over, repeatEveryMs }));
  const nowArb = fc.integer({ min: 0, max: 90 * MIN });

  it('is ordered, starts at StartTime, stays within StartTime..EndTime (or now) and ends in the answer of now', () => {
    fc.assert(fc.property(scriptArb, nowArb, (s, rel) => {
      const now = T + rel;
      const steps = taskPast(s, now);
      const current = taskStateAt(s, now);
      if (current === undefined) return steps.length === 0;
      const first = steps[0];
      const last = steps.at(-1);
      expect(first?.at).toBe(current.startTime);
      const end = current.endTime > 0 ? current.endTime : now;
      for (const [i, step] of steps.entries()) {
        expect(step.at).toBeGreaterThanOrEqual(current.startTime);
        expect(step.at).toBeLessThanOrEqual(end);
        if (i > 0) expect(step.at).toBeGreaterThan(steps[i - 1]?.at ?? Infinity);
      }
      expect(last && stateOf(last.snapshot)).toEqual(stateOf(current));
      return true;
    }));
  });

  it('says at any moment of the past what the simulator answered then, and never repeats a step', () => {
    fc.assert(fc.property(scriptArb, nowArb, fc.double({ min: 0, max: 1, noNaN: true }), (s, rel, share) => {
      const now = T + rel;
      const steps = taskPast(s, now);
      const first = steps[0];
      if (first === undefined) return true;
      const t = Math.round(first.at + (now - first.at) * share);
      const answer = taskStateAt(s, t);
      const step = stepIn(steps, t);
      expect(answer && stateOf(answer)).toEqual(step && stateOf(step.snapshot));
      expect(step?.snapshot.body).toEqual(answer?.body);
      for (let i = 1; i < steps.length; i++) expect(stateOf(steps[i]?.snapshot as TaskSnapshot)).not.toEqual(stateOf(steps[i - 1]?.snapshot as TaskSnapshot));
      return true;
    }));
  });

  it('agrees with every demo scenario at each of its changes and just before', () => {
    const origin = T;
    for (const s of buildScenarioScripts(1, origin, 'http://127.0.0.1:8080')) {
      const steps = taskPast(s, origin);
      const current = taskStateAt(s, origin);
      if (current === undefined) {
        expect(steps).toEqual([]);
        continue;
      }
      expect(stateOf(steps.at(-1)?.snapshot as TaskSnapshot)).toEqual(stateOf(current));
      // Each step is what the simulator answered from its moment on, and the step before it until then.
      for (const [i, step] of steps.entries()) {
        expect(stateOf(taskStateAt(s, step.at) as TaskSnapshot), `${s.key.taskId} at ${step.at - origin}`).toEqual(stateOf(step.snapshot));
        const before = steps[i - 1];
        if (before) expect(stateOf(taskStateAt(s, step.at - 1) as TaskSnapshot), `${s.key.taskId} before ${step.at - origin}`).toEqual(stateOf(before.snapshot));
      }
    }
  });
});

describe('Simulator.past', () => {
  const CLASS = { appId: 'demo-app', roomId: 'class-math-101', taskId: 'class-mix' };

  it('renders the whole task only where its configuration changed, and ends in what Get answers now', async () => {
    const t = testSim();
    const past = t.sim.past(CLASS);
    if (past === undefined) throw new Error('the online class has no past');
    expect(past.steps[0]?.at).toBe(past.startTime);
    // The class started about half an hour ago; the screen share came 15 minutes in.
    const withTask = past.steps.filter((s) => s.task !== null);
    expect(withTask.map((s) => [s.at - past.startTime, s.sequenceNumber])).toEqual([[0, 0], [15 * MIN, 1]]);
    const answer = taskOf(await getTask(t, { AppId: 'demo-app', RoomId: CLASS.roomId, TaskId: CLASS.taskId }));
    const last = past.steps.at(-1);
    expect([last?.status, last?.pushState]).toEqual([answer['Status'], answer['PushStreamState']]);
    expect(withTask.at(-1)?.task?.['Layout']).toEqual(answer['Layout']);
    expect(past.now).toBe(t.wall());
  });

  it('finds nothing a Get would not find: an unknown task, or one past the 72-hour window', () => {
    const t = testSim();
    expect(t.sim.past({ ...CLASS, taskId: 'nope' })).toBeUndefined();
    expect(t.sim.past({ appId: 'demo-app', roomId: 'room-archive', taskId: 'old-mix' })).toBeUndefined();
  });

  it('includes what was done through the API: an Update becomes a configuration step', async () => {
    const t = testSim();
    const live = { appId: 'demo-app', roomId: 'room-live', taskId: 'live-mix' };
    t.tick(5 * S);
    const updated = await postAction(t, 'UpdatePushMixedStreamToCDN', { AppId: 'demo-app', RoomId: live.roomId, TaskId: live.taskId, IsUpdatePartialParam: true, Encode: { VideoBitrate: 1800 } });
    expect(errorOf(updated)).toBeUndefined();
    t.tick(S);
    const past = t.sim.past(live);
    const changed = past?.steps.filter((s) => s.task !== null).at(-1);
    expect(changed?.at).toBe(t.wall() - S);
    expect((changed?.task?.['Encode'] as Record<string, unknown> | undefined)?.['VideoBitrate']).toBe(1800);
  });
});
