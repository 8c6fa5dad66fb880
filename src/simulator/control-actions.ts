import type { ApiVersion } from '../shared/api-versions.ts';
import { checkMerged, parseJsonBody, parseStart, parseStop, parseUpdate } from './control-body.ts';
import { errorResponse, fail, okResponse, type RequestMeta } from './sim-errors.ts';
import { applyUpdate } from './task-body-merge.ts';
import type { TaskStore } from './task-store.ts';

export interface ControlContext {
  meta: RequestMeta;
  version: ApiVersion;
  bodyText: string;
  store: TaskStore;
  taskNow: number;
}

/**
 * The answer to a repeated Start. Only "The task has been started…" is documented (2023-11-01);
 * the rest of the sentence is the simulator's.
 */
export const ALREADY_STARTED = 'The task has been started. Please do not start it again.';

export function startTask(ctx: ControlContext): Response {
  const raw = parseJsonBody(ctx.bodyText);
  if (!raw.ok) return errorResponse(ctx.meta, raw.failure);
  const req = parseStart(raw.value, ctx.version);
  if (!req.ok) return errorResponse(ctx.meta, req.failure);
  const outcome = ctx.store.start(req.value.key, req.value.body, ctx.taskNow);
  return okResponse(ctx.meta, outcome === 'started' ? 'ok' : ALREADY_STARTED);
}

export function updateTask(ctx: ControlContext): Response {
  const raw = parseJsonBody(ctx.bodyText);
  if (!raw.ok) return errorResponse(ctx.meta, raw.failure);
  const key = parseStop(raw.value);
  if (!key.ok) return errorResponse(ctx.meta, key.failure);
  const active = ctx.store.active(key.value, ctx.taskNow);
  if (!active.ok) return errorResponse(ctx.meta, active.failure);
  const { script, snapshot } = active.value;
  const req = parseUpdate(raw.value, ctx.version, snapshot.body);
  if (!req.ok) return errorResponse(ctx.meta, req.failure);
  const { sequenceNumber, partial, update } = req.value;
  if (sequenceNumber !== undefined && sequenceNumber <= snapshot.sequenceNumber) {
    return errorResponse(ctx.meta, fail('InvalidParameter', `SequenceNumber must increase: ${sequenceNumber} is not greater than ${snapshot.sequenceNumber}, the last one applied.`));
  }
  const merged = checkMerged(applyUpdate(snapshot.body, update, partial));
  if (!merged.ok) return errorResponse(ctx.meta, merged.failure);
  ctx.store.update(script, ctx.taskNow, sequenceNumber ?? snapshot.sequenceNumber + 1, partial, update);
  return okResponse(ctx.meta, 'ok');
}

export function stopTask(ctx: ControlContext): Response {
  const raw = parseJsonBody(ctx.bodyText);
  if (!raw.ok) return errorResponse(ctx.meta, raw.failure);
  const key = parseStop(raw.value);
  if (!key.ok) return errorResponse(ctx.meta, key.failure);
  const active = ctx.store.active(key.value, ctx.taskNow);
  if (!active.ok) return errorResponse(ctx.meta, active.failure);
  ctx.store.stop(active.value.script, ctx.taskNow);
  return okResponse(ctx.meta, 'ok');
}

export const controlActions = {
  StartPushMixedStreamToCDN: startTask,
  UpdatePushMixedStreamToCDN: updateTask,
  StopPushStreamToCDN: stopTask,
} as const satisfies Record<string, (ctx: ControlContext) => Response>;
