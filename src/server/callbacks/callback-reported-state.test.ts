import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CallbackEnvelopeSchema, parseEventData } from '../../shared/callback-api.ts';
import { FleetResponseSchema, type FleetTask } from '../../shared/fleet-api.ts';
import { signedEnvelope } from '../../simulator/callback-sender.ts';
import { createFleetKit, KIT_T0, type FleetKit } from '../fleet/fleet-test-kit.ts';
import { silentLogger } from '../logger.ts';
import { createCallbackProcessor, type CallbackProcessor } from './callback-processor.ts';
import { createCallbackStore, type CallbackStore } from './callback-store.ts';

const KEY = 'app|room|task|';
const RUNNING = { Status: 2, PushStreamState: 5, StartTime: KIT_T0 - 60_000 };

let kit: FleetKit;
let callbacks: CallbackStore;
let processor: CallbackProcessor;
let changed: string[];

beforeEach(async () => {
  kit = await createFleetKit();
  callbacks = createCallbackStore(kit.db);
  processor = createCallbackProcessor({
    store: callbacks, now: kit.clock.now, logger: silentLogger,
    watch: (ref, opts) => kit.store.watch(ref, opts),
    report: (key, state, at) => kit.store.report(key, state, at),
  });
  changed = [];
  kit.bus.subscribe((m) => { if (m.type === 'task-changed') changed.push(m.key); });
});
afterEach(async () => {
  await processor.idle();
  await kit.dispose();
});

/** A Transcode callback as Volcengine would send it, stored and applied. */
async function callback(eventType: string, at: number, data: Record<string, unknown>) {
  const raw = await signedEnvelope({ EventType: eventType, at, appId: 'app', data: { AppId: 'app', RoomId: 'room', TaskId: 'task', ...data } }, 'secret');
  const envelope = CallbackEnvelopeSchema.parse(raw);
  const { facts } = parseEventData(envelope.EventData);
  await callbacks.add({ envelope, rawBody: JSON.stringify(raw), eventTime: at, receivedAt: kit.clock.now(), roomId: facts.roomId, taskId: facts.taskId });
  processor.kick();
  await processor.idle();
}

async function row(): Promise<FleetTask | undefined> {
  const body = FleetResponseSchema.parse(await (await kit.app.request('/api/tasks')).json());
  return body.tasks.find((t) => t.key === KEY);
}

describe('a Transcode callback\'s state on the fleet row', () => {
  it('shows a reported reconnect at once, marked as reported, until a newer poll says otherwise', async () => {
    await kit.add({ roomId: 'room', taskId: 'task' }, RUNNING);
    changed.length = 0;
    await kit.clock.advanceTo(KIT_T0 + 5_000);
    // Dated by Volcengine's clock, which need not be ours: shown, stamped with when it arrived.
    await callback('TranscodeStateChanged', KIT_T0 + 4_000, { Status: 2, PushStreamState: 3 });
    expect(await row()).toMatchObject({ attention: 'reconnecting', pushStreamState: 3, reportedAt: KIT_T0 + 5_000 });
    expect(changed).toContain(KEY);
    await kit.clock.advanceTo(KIT_T0 + 6_000);
    await kit.store.record({ version: '2020-12-01', appId: 'app', roomId: 'room', taskId: 'task' }, { ok: true, requestId: 'r2', task: RUNNING, fetchedAt: 0 }, KIT_T0 + 6_000);
    expect(await row()).toMatchObject({ attention: 'running', pushStreamState: 5, reportedAt: null });
  });

  it('ignores a callback long older than the last poll, or older than the state already reported, whatever order they come in', async () => {
    await kit.clock.advanceTo(KIT_T0 + 100_000);
    await kit.add({ roomId: 'room', taskId: 'task' }, RUNNING);
    await kit.clock.advanceTo(KIT_T0 + 101_000);
    await callback('TranscodeStateChanged', KIT_T0 + 30_000, { Status: 2, PushStreamState: 3 });
    expect(await row()).toMatchObject({ pushStreamState: 5, reportedAt: null });
    await callback('TranscodeStopped', KIT_T0 + 102_000, { Status: 4, StopReason: 'TaskFailed' });
    await callback('TranscodeStateChanged', KIT_T0 + 101_500, { Status: 2, PushStreamState: 3 });
    expect(await row()).toMatchObject({ attention: 'failed', status: 4, stopReason: 'TaskFailed', pushStreamState: 5, reportedAt: KIT_T0 + 101_000 });
  });

  it('changes nothing for an event without a state, and discovers a task with the state it reports', async () => {
    await callback('TranscodeStarted', KIT_T0 + 1_000, { Status: 2, PushStreamState: 'pushing' });
    expect(await row()).toMatchObject({ source: 'callback', status: 2, pushStreamState: null, reportedAt: KIT_T0 });
    changed.length = 0;
    await callback('TranscodeUpdated', KIT_T0 + 2_000, { SequenceNumber: 3 });
    expect(await row()).toMatchObject({ status: 2, reportedAt: KIT_T0 });
    expect(changed).toEqual([]);
  });
});
