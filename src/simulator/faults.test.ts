import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFaultHeader, playFaults, scenarioFaultActive } from './faults.ts';
import { errorOf, getTask, taskOf, testSim } from './sim-test-kit.ts';

const LIVE = { AppId: 'demo-app', RoomId: 'room-live', TaskId: 'live-mix' };
const fault = (value: string) => ({ headers: { 'X-Mixscope-Fault': value } });
const faultRoom = (TaskId: string) => ({ AppId: 'demo-app', RoomId: 'room-faults', TaskId });

describe('X-Mixscope-Fault header', () => {
  it.each([['500', 'InternalError'], ['502', 'InternalServiceError'], ['503', 'ServiceUnavailableTemp'], ['504', 'InternalServiceTimeout']])(
    '%s answers that HTTP status with %s in the envelope',
    async (status, code) => {
      expect(errorOf(await getTask(testSim(), LIVE, fault(status)))).toEqual({ code, status: Number(status) });
    },
  );

  it('throttle answers 429 FlowLimitExceeded', async () => {
    expect(errorOf(await getTask(testSim(), LIVE, fault('throttle')))).toEqual({ code: 'FlowLimitExceeded', status: 429 });
  });

  it('malformed answers 200 with a body that is not JSON', async () => {
    const answer = await getTask(testSim(), LIVE, fault('malformed'));
    expect(answer.status).toBe(200);
    expect(answer.body).toBeUndefined();
    expect(() => JSON.parse(answer.text)).toThrow();
    expect(answer.text.startsWith('{"ResponseMetadata"')).toBe(true);
  });

  it('timeout gives up when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = getTask(testSim(), LIVE, { ...fault('timeout'), signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow();
  });

  it('latency answers normally once the delay has passed', async () => {
    const answer = await getTask(testSim(), LIVE, fault('latency=20'));
    expect(answer.status).toBe(200);
    expect(taskOf(answer)['Status']).toBe(2);
  });

  it('is ignored when the simulator is built with faults.header false', async () => {
    expect((await getTask(testSim({ faults: { header: false } }), LIVE, fault('500'))).status).toBe(200);
  });

  it('setFaults applies faults to every request until cleared', async () => {
    const t = testSim();
    t.sim.setFaults([{ kind: '5xx', value: 503 }]);
    expect(errorOf(await getTask(t, LIVE))?.status).toBe(503);
    t.sim.setFaults([]);
    expect((await getTask(t, LIVE)).status).toBe(200);
  });
});

describe('parseFaultHeader', () => {
  it('reads several faults, in order, and skips what it does not know', () => {
    expect(parseFaultHeader('latency=800, 503,bogus,TIMEOUT')).toEqual([
      { kind: 'latency', value: 800 }, { kind: '5xx', value: 503 }, { kind: 'timeout' },
    ]);
    expect(parseFaultHeader(null)).toEqual([]);
    expect(parseFaultHeader('501')).toEqual([]);
  });
});

describe('scenario faults', () => {
  it('fault-5xx answers 503 during the first 30 s of each task-time minute, normally otherwise', () => {
    const f = { kind: '5xx' as const, periodMs: 60_000, activeMs: 30_000 };
    expect([0, 29_999, 30_000, 59_999, 60_000].map((t) => scenarioFaultActive(f, t))).toEqual([true, true, false, false, true]);
  });

  it('each fault scenario answers with its fault, through the real request path', async () => {
    const t = testSim();
    expect(errorOf(await getTask(t, faultRoom('throttled-mix')))).toEqual({ code: 'FlowLimitExceeded', status: 429 });
    expect((await getTask(t, faultRoom('malformed-mix'))).body).toBeUndefined();
    const phase = t.wall() % 60_000; // T0 is on a whole minute: the 503 window is open
    expect(phase).toBe(0);
    expect(errorOf(await getTask(t, faultRoom('unavailable-mix')))?.code).toBe('ServiceUnavailableTemp');
    t.tick(30_000);
    expect(taskOf(await getTask(t, faultRoom('unavailable-mix')))['Status']).toBe(2);
  });

  it('fault-timeout hangs until aborted', async () => {
    const controller = new AbortController();
    const pending = getTask(testSim(), faultRoom('timeout-mix'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toThrow();
  });
});

describe('playFaults on a manual clock', () => {
  const meta = { requestId: 'req-1', action: 'GetPushMixedStreamToCDNTask', version: '2020-12-01', region: 'cn-north-1' };
  afterEach(() => {
    vi.useRealTimers();
  });
  /** The promise, and a function that says whether it has settled yet. */
  function watch<T>(promise: Promise<T>) {
    let settled = false;
    const guarded = promise.finally(() => { settled = true; });
    guarded.catch(() => {});
    return { promise: guarded, settled: () => settled };
  }

  it('latency waits exactly its milliseconds, then carries on to the normal answer', async () => {
    vi.useFakeTimers();
    const run = watch(playFaults([{ kind: 'latency', value: 120 }], meta, new AbortController().signal));
    await vi.advanceTimersByTimeAsync(119);
    expect(run.settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(run.settled()).toBe(true);
    await expect(run.promise).resolves.toBeUndefined();
  });

  it('timeout never answers however long one waits, and rejects when the caller aborts', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const run = watch(playFaults([{ kind: 'timeout' }], meta, controller.signal));
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(run.settled()).toBe(false);
    controller.abort();
    await expect(run.promise).rejects.toThrow();
  });
});
