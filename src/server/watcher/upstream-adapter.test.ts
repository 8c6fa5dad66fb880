import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { taskIdentityKey } from '../../shared/task-ref.ts';
import { openHistoryStore, type HistoryStore } from '../history/history-store.ts';
import { fakeUpstream } from '../test-support.ts';
import type { UpstreamOutcome } from '../upstream-client.ts';
import { createManualClock } from '../clock/manual-clock.ts';
import { scaledClock } from '../clock/scheduler-clock.ts';
import { recordingUpstream, toFetchOutcome } from './upstream-adapter.ts';

const watched = { appId: 'a', roomId: 'r', taskId: 'watched', version: '2020-12-01' } as const;
const other = { ...watched, taskId: 'other' };
let dir: string | undefined;
let store: HistoryStore | undefined;
afterEach(async () => {
  await store?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe('toFetchOutcome', () => {
  it.each<[UpstreamOutcome, object]>([
    [{ kind: 'ok', requestId: 'r1', task: { Status: 2 }, fetchedAt: 5 }, { ok: true, requestId: 'r1', task: { Status: 2 }, fetchedAt: 5 }],
    [{ kind: 'upstream-error', fetchedAt: 5, error: { code: 'X', message: 'm', httpStatus: 400 } }, { ok: false, kind: 'upstream', error: { code: 'X', message: 'm', httpStatus: 400 } }],
    [{ kind: 'unreachable', reason: 'timeout', message: 'slow' }, { ok: false, kind: 'unreachable', code: 'timeout', message: 'slow' }],
    [{ kind: 'bad-body', httpStatus: 502, message: 'html' }, { ok: false, kind: 'bad-upstream-body', httpStatus: 502, message: 'html' }],
  ])('maps %j', (input, expected) => {
    expect(toFetchOutcome(input)).toEqual(expected);
  });
});

describe('recordingUpstream', () => {
  it('records interactive answers for watched tasks only, and passes every answer through', async () => {
    dir = mkdtempSync(join(tmpdir(), 'mixscope-adapter-'));
    store = await openHistoryStore({ dataDir: dir, clock: { now: () => 1 } });
    await store.watch(watched);
    const answer: UpstreamOutcome = { kind: 'ok', requestId: 'r', task: { Status: 2, PushStreamState: 5 }, fetchedAt: 7 };
    const client = recordingUpstream(fakeUpstream(answer), store, () => 7);
    expect(await client.getTask(watched)).toEqual(answer);
    expect(await client.getTask(other)).toEqual(answer);
    expect((await store.history(taskIdentityKey(watched))).observations).toMatchObject([{ observedAt: 7, requestId: 'r' }]);
    expect((await store.history(taskIdentityKey(other))).observations).toEqual([]);
    const aborted = recordingUpstream(fakeUpstream({ kind: 'unreachable', reason: 'aborted', message: 'x' }), store, () => 9);
    await aborted.getTask(watched);
    expect((await store.history(taskIdentityKey(watched))).observations).toHaveLength(1);
    // The same task asked under another version answers in other Layout units: not its history.
    await client.getTask({ ...watched, version: '2023-11-01' });
    expect((await store.history(taskIdentityKey(watched))).observations).toHaveLength(1);
  });
});

describe('scaledClock', () => {
  it('tells task time and waits speed times less wall time', async () => {
    const wall = createManualClock(0);
    const task = scaledClock(wall, () => 1_000 + wall.now() * 60, 60);
    let fired = false;
    task.setTimeout(() => (fired = true), 60_000); // one task minute
    await wall.advance(999);
    expect(fired).toBe(false);
    await wall.advance(1);
    expect(fired).toBe(true);
    expect(task.now()).toBe(61_000);
  });
});
