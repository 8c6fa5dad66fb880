import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FleetResponseSchema } from '../../shared/fleet-api.ts';
import { SIMULATOR_CREDENTIALS } from '../../simulator/simulator.ts';
import { freePort, pollUntil, spawnTs, tempDir, volcengineServerEnv, waitUntilServing, type Child } from './child-process-kit.ts';

/**
 * The room sweep end to end, in real processes: the standalone simulator (no callbacks) and a
 * mixscope server in volcengine mode with MIXSCOPE_SWEEP_APP_IDS. lily's client-started task
 * reaches the fleet with source sweep, found through ListRoomInfo, GetRoomOnlineUsers and her UserId.
 */

describe('room sweep between real processes', () => {
  const children: Child[] = [];
  const dataDir = tempDir('mixscope-sweep-');
  let serverUrl = '';

  beforeAll(async () => {
    const simPort = await freePort();
    const port = await freePort();
    serverUrl = `http://127.0.0.1:${port}`;
    const simulator = spawnTs('src/simulator/simulator-main.ts', ['--port', String(simPort)]);
    children.push(simulator);
    await simulator.waitFor(/Volcengine RTC OpenAPI stand-in/);
    const server = spawnTs('src/server/main.ts', [], {
      ...volcengineServerEnv(port, `http://127.0.0.1:${simPort}`, dataDir.path, SIMULATOR_CREDENTIALS),
      LOG_LEVEL: 'info', MIXSCOPE_SWEEP_APP_IDS: 'demo-app', MIXSCOPE_SWEEP_PERIOD_MS: '1000',
    });
    children.push(server);
    await waitUntilServing(`${serverUrl}/healthz`, server);
  }, 60_000);

  afterAll(async () => {
    for (const child of children.reverse()) await child.stop();
    dataDir.remove();
  });

  const output = () => children.map((c) => c.output().slice(-4000)).join('\n----\n');

  it('lists lily\'s client-started task in the fleet with source sweep, with nobody typing an id', async () => {
    const task = await pollUntil(async () => {
      const fleet = FleetResponseSchema.parse(await (await fetch(`${serverUrl}/api/tasks`)).json());
      return fleet.tasks.find((t) => t.source === 'sweep' && t.ref.roomId === 'room-client');
    }, output);
    expect(task.ref.appId).toBe('demo-app');
    expect(task.ref.taskId).toBe('lily');
    // The simulator prints its demo key pair on purpose; the server's log must not.
    expect(children[1]?.output()).not.toContain(SIMULATOR_CREDENTIALS.secretKey);
  }, 60_000);
});
