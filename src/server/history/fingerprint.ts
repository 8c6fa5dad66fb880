import { createHash } from 'node:crypto';
import { parseTask } from '../../shared/parse-task.ts';
import type { ChangeField, Fingerprints } from '../../shared/history-api.ts';

/**
 * JSON with object keys sorted at every depth, so two answers that differ only in key order (Go
 * maps, a different API version of the gateway) hash the same. Array order is kept: it is data.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** First 16 hex digits of SHA-256: 64 bits, ample to tell one task's versions apart. */
export function shortHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16);
}

/** The state columns and fingerprints of one successful answer. */
export interface Snapshot {
  status: number | null;
  pushStreamState: number | null;
  stopReason: string | null;
  startTime: number | null;
  endTime: number | null;
  fingerprints: Fingerprints;
}

const field = (raw: unknown, key: string): unknown =>
  raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>)[key] : undefined;

/** Hashes the raw object (what Volcengine sent), states from the parsed one (typed, lenient). */
export function snapshotOf(raw: unknown): Snapshot {
  const { task } = parseTask(raw);
  const positive = (n: number | undefined) => (n !== undefined && n > 0 ? n : null);
  return {
    status: task.Status ?? null,
    pushStreamState: task.PushStreamState ?? null,
    stopReason: task.StopReason === undefined || task.StopReason === '' ? null : task.StopReason,
    startTime: positive(task.StartTime),
    endTime: positive(task.EndTime),
    fingerprints: {
      task: shortHash(raw),
      layout: shortHash(field(raw, 'Layout')),
      encode: shortHash(field(raw, 'Encode')),
      control: shortHash(field(raw, 'Control')),
      streams: shortHash({ t: field(raw, 'TargetStreams'), x: field(raw, 'ExcludeStreams') }),
    },
  };
}

/** Which parts differ; `other` when only something outside the named parts did (PushURL, new fields). */
export function changedFields(prev: Snapshot, next: Snapshot): ChangeField[] {
  const out: ChangeField[] = [];
  if (prev.status !== next.status) out.push('status');
  if (prev.pushStreamState !== next.pushStreamState) out.push('pushStreamState');
  if (prev.stopReason !== next.stopReason) out.push('stopReason');
  if (prev.startTime !== next.startTime) out.push('startTime');
  if (prev.endTime !== next.endTime) out.push('endTime');
  for (const part of ['layout', 'encode', 'control', 'streams'] as const) {
    if (prev.fingerprints[part] !== next.fingerprints[part]) out.push(part);
  }
  if (out.length === 0 && prev.fingerprints.task !== next.fingerprints.task) out.push('other');
  return out;
}
