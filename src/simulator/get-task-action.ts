import { isApiVersion } from '../shared/api-versions.ts';
import { ID_PATTERN } from '../shared/task-ref.ts';
import { playFaults, scenarioFaultActive } from './faults.ts';
import { renderTask } from './render-task.ts';
import { errorResponse, fail, okResponse, type RequestMeta, type SimFailure } from './sim-errors.ts';
import type { NumberMode } from './sim-types.ts';
import { notFound, type TaskQuery, type TaskStore } from './task-store.ts';

export interface GetContext {
  meta: RequestMeta;
  params: URLSearchParams;
  store: TaskStore;
  taskNow: number;
  numbers: NumberMode;
  signal: AbortSignal;
}

/** An empty TaskId counts as absent: the docs query a user's first task with `TaskId=`. */
function param(params: URLSearchParams, key: string): string | undefined {
  const value = params.get(key);
  return value === null || value === '' ? undefined : value;
}

const badId = (key: string) => fail('InvalidParameter', `${key} must be 1 to 128 characters of a-z, A-Z, 0-9, _, @, . and -.`);

/** The query rules of GetPushMixedStreamToCDNTask, in the order a person would fix them. */
export function readTaskQuery(params: URLSearchParams): { ok: true; query: TaskQuery } | { ok: false; failure: SimFailure } {
  const appId = param(params, 'AppId');
  const roomId = param(params, 'RoomId');
  if (appId === undefined) return { ok: false, failure: fail('MissingParameter', 'AppId is required.') };
  if (roomId === undefined) return { ok: false, failure: fail('MissingParameter', 'RoomId is required.') };
  const taskId = param(params, 'TaskId');
  const userId = param(params, 'UserId');
  if (taskId === undefined && userId === undefined) {
    return { ok: false, failure: fail('MissingParameter', 'TaskId and UserId are both empty; give at least one of them.') };
  }
  for (const [key, value] of [['AppId', appId], ['RoomId', roomId], ['TaskId', taskId], ['UserId', userId]] as const) {
    if (value !== undefined && !ID_PATTERN.test(value)) return { ok: false, failure: badId(key) };
  }
  const query: TaskQuery = { appId, roomId };
  if (taskId !== undefined) query.taskId = taskId;
  if (userId !== undefined) query.userId = userId;
  return { ok: true, query };
}

export async function getTask(ctx: GetContext): Promise<Response> {
  const read = readTaskQuery(ctx.params);
  if (!read.ok) return errorResponse(ctx.meta, read.failure);
  const snapshot = ctx.store.find(read.query, ctx.taskNow);
  if (!snapshot) return errorResponse(ctx.meta, notFound());
  const fault = snapshot.script.fault;
  if (fault && scenarioFaultActive(fault, ctx.taskNow)) {
    const answered = await playFaults([fault], ctx.meta, ctx.signal);
    if (answered) return answered;
  }
  // The router only lets known versions through.
  const version = isApiVersion(ctx.meta.version) ? ctx.meta.version : '2020-12-01';
  const task = renderTask(snapshot, version, snapshot.script.numbers ?? ctx.numbers);
  return okResponse(ctx.meta, { PushMixedStreamToCDNTask: task });
}
