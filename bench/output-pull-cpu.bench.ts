import { findDemoScenario } from '../src/shared/demo-scenarios.ts';
import { OutputResponseSchema } from '../src/shared/output-api.ts';
import { taskRefToSearch } from '../src/shared/task-ref.ts';
import { SIMULATOR_CREDENTIALS } from '../src/simulator/simulator.ts';
import { SIMULATOR_PUSH_HOST } from '../src/server/output/simulator-pull.ts';
import { startChild } from '../e2e/fixtures/child-server.ts';
import { cpuMs, emitFigures, freePort, median, startServer } from './bench-kit.ts';

/**
 * What reading an output costs the mixscope server itself: the simulator runs in a process of its
 * own (its picture encoding is not counted), the server pulls from it through a pull rule. CPU per
 * "Compare" check, and CPU per second of one relay to a player. Run on its own:
 * `npx tsx bench/output-pull-cpu.bench.ts [checks]`.
 */
const CHECKS = Number(process.argv[2] ?? 5);
const RELAY_SECONDS = 10;
const SCENARIOS = ['online-class', 'gallery-30'] as const;

const simPort = await freePort();
const simulator = await startChild('src/simulator/simulator-main.ts', ['--port', String(simPort)], {}, '/', simPort, { quiet: true });
const server = await startServer({
  MIXSCOPE_UPSTREAM: 'volcengine', VOLC_ENDPOINT: simulator.url, VOLC_ACCESSKEY: SIMULATOR_CREDENTIALS.accessKeyId, VOLC_SECRETKEY: SIMULATOR_CREDENTIALS.secretKey,
  MIXSCOPE_PULL_RULES: `${SIMULATOR_PUSH_HOST}=${simulator.url}/pull/{app}/{stream}.flv`, MIXSCOPE_PULL_HOSTS: '', MIXSCOPE_CALLBACK_WATCH: '0',
}, 'src/server/main.ts', { quiet: true });
const pid = server.process.pid;
const figures: Record<string, { value: number; detail: string }> = {};
const rows: string[] = [];
try {
  for (const id of SCENARIOS) {
    const ref = findDemoScenario(id)?.ref;
    if (!ref) throw new Error(`no scenario ${id}`);
    const cpu: number[] = [];
    const bytes: number[] = [];
    for (let i = 0; i < CHECKS; i += 1) {
      const before = cpuMs(pid);
      const res = await fetch(`${server.url}/api/task/output?${taskRefToSearch(ref)}`);
      if (!res.ok) throw new Error(`${id}: HTTP ${res.status} ${await res.text()}`);
      const body = OutputResponseSchema.parse(await res.json());
      cpu.push(cpuMs(pid) - before);
      bytes.push(body.bytesRead);
    }
    rows.push(`| ${id} check | ${Math.round(median(cpu))} ms CPU per check (${Math.round(Math.min(...cpu))} to ${Math.round(Math.max(...cpu))}) | ${Math.round(median(bytes) / 1000)} kB read |`);
    figures[`output-check-cpu-${id}`] = { value: Math.round(median(cpu)), detail: `ms of server CPU per check, median of ${CHECKS}, ${Math.round(median(bytes) / 1000)} kB read` };
  }

  const ref = findDemoScenario('online-class')?.ref;
  if (!ref) throw new Error('no online class');
  const before = cpuMs(pid);
  const t0 = performance.now();
  const res = await fetch(`${server.url}/api/task/output/stream?${taskRefToSearch(ref)}`);
  const reader = res.body?.getReader();
  if (!reader) throw new Error(`no relay body (HTTP ${res.status})`);
  let relayed = 0;
  while (performance.now() - t0 < RELAY_SECONDS * 1000) {
    const chunk = await reader.read();
    if (chunk.done) break;
    relayed += chunk.value.length;
  }
  await reader.cancel();
  const seconds = (performance.now() - t0) / 1000;
  const relayCpu = cpuMs(pid) - before;
  rows.push(`| online-class relay, one player | ${Math.round(relayCpu)} ms CPU over ${seconds.toFixed(1)} s (${(relayCpu / seconds / 10).toFixed(1)} % of a core) | ${Math.round(relayed / seconds / 1000)} kB/s relayed |`);
  figures['output-relay-cpu-percent'] = { value: Math.round(relayCpu / seconds / 10 * 10) / 10, detail: `% of a core for one relay, ${Math.round(relayed / seconds / 1000)} kB/s` };
  console.log('| what | server CPU | bytes |');
  console.log('| --- | --- | --- |');
  for (const row of rows) console.log(row);
} finally {
  await server.close();
  await simulator.stop();
}
emitFigures(figures);
