import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallbackEventsResponseSchema } from '../../shared/callback-api.ts';
import { WatchListResponseSchema } from '../../shared/history-api.ts';
import { SIMULATOR_CREDENTIALS } from '../../simulator/simulator.ts';
import { freePort, pollUntil, spawnTs, tempDir, volcengineServerEnv, waitUntilServing, type Child } from './child-process-kit.ts';

/**
 * Discovery end to end, in real processes: the standalone simulator sends signed callbacks for its
 * tasks' lives to a real mixscope server, and the tasks appear on the watch list with nobody
 * typing an id. Test mode adds a redelivery and an out-of-order pair.
 */

const SECRET = 'system-test-callback-secret';

describe('callback discovery between real processes', () => {
  const children: Child[] = [];
  const dataDir = tempDir('mixscope-callbacks-');
  let serverUrl = '';

  beforeAll(async () => {
    const simPort = await freePort();
    const port = await freePort();
    serverUrl = `http://127.0.0.1:${port}`;
    const server = spawnTs('src/server/main.ts', [], {
      ...volcengineServerEnv(port, `http://127.0.0.1:${simPort}`, dataDir.path, SIMULATOR_CREDENTIALS),
      MIXSCOPE_CALLBACK_SECRET: SECRET, LOG_LEVEL: 'info',
    });
    children.push(server);
    await waitUntilServing(`${serverUrl}/healthz`, server);
    const simulator = spawnTs('src/simulator/simulator-main.ts', [
      '--port', String(simPort), '--callback-url', `${serverUrl}/api/volcengine/callback`, '--callback-secret', SECRET, '--callback-test-mode',
    ]);
    children.push(simulator);
    await simulator.waitFor(/Event callbacks: signed/);
  }, 60_000);

  afterAll(async () => {
    for (const child of children.reverse()) await child.stop();
    dataDir.remove();
  });

  const output = () => children.map((c) => c.output().slice(-4000)).join('\n----\n');

  it('puts the tasks the callbacks name on the watch list, stores each event once and lists it', async () => {
    const task = await pollUntil(async () => {
      const list = WatchListResponseSchema.parse(await (await fetch(`${serverUrl}/api/watch`)).json());
      return list.tasks.find((t) => t.label === 'callback' && t.ref.appId === 'demo-app');
    }, output);
    expect(task.ref.taskId).toBeTruthy();

    const { events } = await pollUntil(async () => {
      const q = new URLSearchParams({ appId: task.ref.appId, roomId: task.ref.roomId, taskId: task.ref.taskId ?? '' });
      const body = CallbackEventsResponseSchema.parse(await (await fetch(`${serverUrl}/api/callback-events?${q}`)).json());
      return body.events.some((e) => e.eventType === 'TranscodeStarted' && e.outcome === 'watched') ? body : undefined;
    }, output);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    // Newest first by EventTime, whatever order they arrived in.
    const times = events.map((e) => e.eventTime);
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const metrics = await pollUntil(async () => {
      const text = await (await fetch(`${serverUrl}/metrics`)).text();
      return /mixscope_callbacks_received_total\{outcome="duplicate"\} [1-9]/.test(text) ? text : undefined;
    }, output);
    expect(metrics).not.toMatch(/outcome="bad-signature"/);
  }, 60_000);
});
