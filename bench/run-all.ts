import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureBeforeLayout, measureBundle } from '../scripts/check-bundle-budget.mjs';
import { budgetTable } from '../scripts/check-budgets.mjs';
import { RESULT_PREFIX, type Figure } from './bench-kit.ts';
import { BENCHES, type Bench } from './benches.ts';
import { writeReadmeTable } from './readme-table.ts';
import { cpuCheckMs, readCpuTimes, stealPercent } from './conditions.ts';

/**
 * `npm run bench`: builds the SPA, measures the bundle, runs every benchmark in its own process
 * (one after the other, each bounded in time), prints one table of figures, budgets and verdicts
 * (judged by scripts/check-budgets.mjs), and writes bench/results.json and bench/results.md with
 * the machine, the commit and the date. `npm run bench -- nav proxy` runs only those benches and
 * writes nothing. A full run also copies the table into the README's performance section. Exits 1
 * when a figure is over its budget or was not measured. About 15 minutes.
 */
const only = process.argv.slice(2);
const MIN = 60_000;

function run(bench: Bench): Promise<{ output: string; code: number | null; seconds: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', bench.file], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...bench.env } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      process.stdout.write(d);
    });
    const timer = setTimeout(() => {
      console.error(`!! ${bench.name} still running after ${bench.timeoutMin} min: stopping it`);
      child.kill('SIGTERM');
    }, bench.timeoutMin * MIN);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ output, code, seconds: (Date.now() - t0) / 1_000 });
    });
  });
}

/** The figures a bench printed: its BENCH_JSON line, else what its parser reads from its text. */
function figuresOf(bench: Bench, output: string): Record<string, Figure> {
  const line = output.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (line) return JSON.parse(line.slice(RESULT_PREFIX.length)) as Record<string, Figure>;
  return bench.parse?.(output) ?? {};
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

const machine = {
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  cores: availableParallelism(),
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAtStart: loadavg()[0] ?? 0,
};
const commit = `${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain', '--untracked-files=no']) ? ' (with uncommitted changes)' : ''}`;
const date = new Date().toISOString();
const figures: Record<string, Figure> = {};
const notes: string[] = [];
/** Per bench: the CPU check before it (ms, lower is faster) and the CPU time stolen during it. */
const conditions: { bench: string; cpuCheckMs: number; stealPercent?: number; seconds: number }[] = [];

if (only.length === 0 || only.includes('bundle')) {
  console.error('==> vite build');
  execFileSync(process.execPath, [join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const before = measureBeforeLayout('dist');
  const total = measureBundle(join('dist', 'assets'));
  figures['js-before-layout'] = { value: before.totalGzipBytes / 1000, detail: `${before.files.length} files: ${before.files.map((f) => f.file.replace(/^assets\//, '')).join(', ')}` };
  figures['js-total'] = { value: total.totalGzipBytes / 1000, detail: `${total.files.length} files` };
}
for (const bench of BENCHES.filter((b) => only.length === 0 || only.includes(b.name))) {
  if (!existsSync(bench.file)) {
    notes.push(`${bench.name}: ${bench.file} not found`);
    continue;
  }
  console.error(`\n==> ${bench.name}: ${bench.file}`);
  const check = cpuCheckMs();
  const cpuBefore = readCpuTimes();
  const r = await run(bench);
  conditions.push({ bench: bench.name, cpuCheckMs: check, stealPercent: stealPercent(cpuBefore, readCpuTimes()), seconds: r.seconds });
  try {
    Object.assign(figures, figuresOf(bench, r.output));
  } catch (e) {
    notes.push(`${bench.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (r.code !== 0) notes.push(`${bench.name} exited with ${r.code} after ${r.seconds.toFixed(0)} s`);
  else console.error(`<== ${bench.name} in ${r.seconds.toFixed(0)} s`);
}

const { text, failed } = budgetTable(figures);
const machineLine = `${machine.cores} cores, ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}; load average ${machine.loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end`;
const pct = (n: number | undefined) => (n === undefined ? 'n/a' : `${n.toFixed(1)} %`);
const conditionsText = [
  '| bench | CPU check before it (lower is faster) | CPU stolen by the hypervisor during it | wall time |',
  '| --- | --- | --- | --- |',
  ...conditions.map((c) => `| ${c.bench} | ${c.cpuCheckMs.toFixed(0)} ms | ${pct(c.stealPercent)} | ${c.seconds.toFixed(0)} s |`),
].join('\n');
console.log(`\n${text}\n\n${conditionsText}\n\n${machineLine}\ncommit ${commit}, ${date}`);
for (const n of notes) console.log(`note: ${n}`);
console.log(failed.length === 0 ? 'Every figure is within its budget.' : `Over budget or not measured: ${failed.join(', ')}`);

if (only.length === 0) {
  writeFileSync('bench/results.json', `${JSON.stringify({ date, commit, machine: { ...machine, loadAtEnd: loadavg()[0] ?? 0 }, conditions, figures, notes }, null, 2)}\n`);
  // The hand-written "## Fixes" section (before and after figures of each fix) survives every run.
  const old = existsSync('bench/results.md') ? readFileSync('bench/results.md', 'utf8') : '';
  const fixes = old.includes('\n## Fixes') ? old.slice(old.indexOf('\n## Fixes') + 1) : '';
  const details = Object.entries(figures).filter(([, f]) => f.detail).map(([id, f]) => `- \`${id}\`: ${f.detail}`);
  writeFileSync('bench/results.md', [
    '# Benchmark results', '',
    `Written by \`npm run bench\` on ${date} at commit ${commit}.`, '',
    `Machine: ${machineLine}. Loopback, the embedded simulator (the standalone one for callback-ingest, fleet-5000 and replicas), headless Chromium.`, '',
    text, '', 'Conditions: the same fixed single-core workload timed before each bench (about 80 ms on this machine when it is quiet), and the share of CPU time the hypervisor gave to other guests meanwhile.', '', conditionsText, '', ...(notes.length ? ['Notes:', '', ...notes.map((n) => `- ${n}`), ''] : []),
    '<details><summary>Details of each figure</summary>', '', ...details, '', '</details>', '',
    fixes.trimEnd(), '',
  ].join('\n'));
  writeReadmeTable('README.md', text, `Measured by \`npm run bench\` on ${date.slice(0, 10)} at commit ${commit}: ${machineLine}.`);
  console.log('Wrote bench/results.json, bench/results.md and the table in README.md.');
}
process.exitCode = failed.length === 0 ? 0 : 1;
