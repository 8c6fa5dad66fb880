import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCENARIOS, type DemoScenarioId } from '../../shared/demo-scenarios.ts';
import { OutputResponseSchema, type OutputResponse } from '../../shared/output-api.ts';
import { taskRefToSearch } from '../../shared/task-ref.ts';
import { SIMULATOR_CREDENTIALS } from '../../simulator/simulator.ts';
import { SIMULATOR_PUSH_HOST } from '../output/simulator-pull.ts';
import { freePort, pollUntil, spawnTs, tempDir, volcengineServerEnv, waitUntilServing, type Child } from './child-process-kit.ts';

/**
 * Declared vs applied end to end, in real processes: the standalone simulator serves its tasks'
 * HTTP-FLV outputs, a mixscope server in volcengine mode reads them through a pull rule, and the
 * planted differences come back as warnings.
 */

describe('declared vs applied between real processes', () => {
  const children: Child[] = [];
  const dataDir = tempDir('mixscope-output-');
  let serverUrl = '';

  beforeAll(async () => {
    const simPort = await freePort();
    const port = await freePort();
    serverUrl = `http://127.0.0.1:${port}`;
    const simulator = spawnTs('src/simulator/simulator-main.ts', ['--port', String(simPort)]);
    children.push(simulator);
    await waitUntilServing(`http://127.0.0.1:${simPort}/pull/live/nobody.flv`, simulator);
    const server = spawnTs('src/server/main.ts', [], {
      ...volcengineServerEnv(port, `http://127.0.0.1:${simPort}`, dataDir.path, SIMULATOR_CREDENTIALS),
      MIXSCOPE_PULL_HOSTS: '',
      MIXSCOPE_PULL_RULES: `${SIMULATOR_PUSH_HOST}=http://127.0.0.1:${simPort}/pull/{app}/{stream}.flv`,
    });
    children.push(server);
    await waitUntilServing(`${serverUrl}/healthz`, server);
  }, 60_000);

  afterAll(async () => {
    for (const child of children.reverse()) await child.stop();
    dataDir.remove();
  });

  const output = () => children.map((c) => c.output().slice(-4000)).join('\n----\n');

  /** Asks until the server answers 200 (the first read may race a task's start), or fails at the deadline. */
  async function outputOf(id: DemoScenarioId): Promise<OutputResponse> {
    const scenario = DEMO_SCENARIOS.find((s) => s.id === id);
    if (scenario === undefined) throw new Error(`no scenario ${id}`);
    let last = '';
    return pollUntil(async () => {
      const res = await fetch(`${serverUrl}/api/task/output?${taskRefToSearch(scenario.ref)}`);
      if (res.status === 200) return OutputResponseSchema.parse(await res.json());
      last = `${res.status} ${await res.text()}`;
      return undefined;
    }, () => `${id}: last answer ${last}\n${output()}`);
  }

  it('warns that the online class leaves stu-fay out, that the gallery is capped, and that the PK battle runs at half its frame rate', async () => {
    const [classroom, gallery, pk] = await Promise.all([outputOf('online-class'), outputOf('gallery-30'), outputOf('pk-battle')]);

    expect(classroom.pullUrlFrom).toBe('rule');
    expect(classroom.comparison.warnings.map((w) => w.code)).toEqual(['appliedRegionMissing']);
    expect(classroom.comparison.warnings[0]?.message).toContain('"stu-fay"');

    expect(gallery.stream).toMatchObject({ width: 1280, height: 720 });
    expect(gallery.comparison.warnings.map((w) => [w.code, w.params['streamWidth'], w.params['streamHeight']])).toEqual([['streamResolution', 1280, 720]]);

    expect(pk.comparison.warnings.map((w) => [w.code, w.params['asked']])).toEqual([['streamFrameRate', 30]]);
    expect(pk.comparison.warnings[0]?.message).toMatch(/^Encode asks 30 fps, the stream runs at 1[45](\.\d+)?\./);
  }, 60_000);
});
