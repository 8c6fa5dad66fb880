import type { HistoryResponse, Observation } from '../src/shared/history-api.ts';
import type { TaskRef } from '../src/shared/task-ref.ts';

/**
 * A flaky task's history as the server would keep it: `count` rows over `spanMs`, pushing with
 * frequent reconnects (change rows with payloads), confirmations in the steady stretches, a failed
 * poll now and then, a silence, and a layout change every few hundred rows. Deterministic.
 */
export function flakyHistory(ref: TaskRef, key: string, startTime: number, spanMs: number, count: number, payload: Record<string, unknown>): HistoryResponse {
  const step = spanMs / count;
  const rows: Observation[] = [];
  let push = 5;
  let layout = 0;
  for (let i = 0; i < count; i++) {
    const observedAt = Math.round(startTime + 60_000 + i * step);
    const confirmedUntil = Math.round(observedAt + step * 0.8);
    const gap = i % 97 === 50;
    const layoutChange = i % 400 === 399;
    const stateChange = i % 3 === 0;
    if (stateChange) push = push === 5 ? 3 : 5;
    if (layoutChange) layout += 1;
    const kind = i === 0 || stateChange || layoutChange ? 'change' : gap ? 'gap' : 'confirm';
    const changed = kind === 'change' && i > 0 ? [...(stateChange ? ['pushStreamState' as const] : []), ...(layoutChange ? ['layout' as const] : [])] : [];
    rows.push({
      id: i + 1,
      kind,
      observedAt,
      confirmedUntil,
      continuity: i === 0 ? 'first' : i % 1_000 === 500 ? 'resumed' : 'continuous',
      attempts: 1 + (i % 5),
      status: kind === 'gap' ? null : 2,
      pushStreamState: kind === 'gap' ? null : push,
      stopReason: null,
      startTime: kind === 'gap' ? null : startTime,
      endTime: null,
      fingerprints: kind === 'gap' ? null : { task: `t${i}`, layout: `l${layout}`, encode: 'e', control: 'c', streams: 's' },
      changed,
      payload: kind === 'change' ? { ...payload, PushStreamState: push, Layout: withBackground(payload.Layout, layout) } : null,
      requestId: kind === 'gap' ? null : `bench-${i}`,
      error: kind === 'gap' ? { kind: 'upstream', code: 'ServiceUnavailable', message: 'Service unavailable, try again.' } : null,
    });
  }
  return { key, ref, now: Math.round(startTime + spanMs + 120_000), watched: null, observations: rows, baseline: null, truncated: false };
}

const BACKGROUNDS = ['#1f2430', '#0b3d2e', '#3d0b2e', '#2e3d0b'];

function withBackground(layout: unknown, n: number): unknown {
  if (layout === null || typeof layout !== 'object') return layout;
  const l = layout as { CustomLayout?: { Canvas?: Record<string, unknown> } };
  return { ...l, CustomLayout: { ...l.CustomLayout, Canvas: { ...l.CustomLayout?.Canvas, Background: BACKGROUNDS[n % BACKGROUNDS.length] } } };
}
