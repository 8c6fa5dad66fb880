import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * What the machine was like while a bench ran, so a slow figure can be told apart from a slow
 * machine: a fixed CPU workload timed before the bench (the same work every time: lower is
 * faster), and the share of CPU time the hypervisor gave to others during it (Linux's steal).
 */

/** The `cpu` line of /proc/stat: total jiffies and the stolen ones. */
export interface CpuTimes { total: number; steal: number }

export function parseProcStat(text: string): CpuTimes | undefined {
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return undefined;
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  if (fields.length < 8 || fields.some((n) => !Number.isFinite(n))) return undefined;
  // user nice system idle iowait irq softirq steal [guest guest_nice: already inside user and nice]
  const total = fields.slice(0, 8).reduce((s, n) => s + n, 0);
  return { total, steal: fields[7] ?? 0 };
}

/** Per cent of CPU time stolen between two readings; undefined when either is missing. */
export function stealPercent(before: CpuTimes | undefined, after: CpuTimes | undefined): number | undefined {
  if (!before || !after || after.total <= before.total) return undefined;
  return ((after.steal - before.steal) / (after.total - before.total)) * 100;
}

export function readCpuTimes(): CpuTimes | undefined {
  try {
    return parseProcStat(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return undefined;
  }
}

/** Median of three timings of a fixed single-core workload (hashing and arithmetic), in ms. */
export function cpuCheckMs(): number {
  const block = Buffer.alloc(1 << 20, 7);
  const once = () => {
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) createHash('sha256').update(block).digest();
    let x = 0;
    for (let i = 0; i < 10_000_000; i++) x += Math.sqrt(i);
    if (x < 0) throw new Error('unreachable');
    return performance.now() - t0;
  };
  const times = [once(), once(), once()].sort((a, b) => a - b);
  return times[1] ?? NaN;
}
