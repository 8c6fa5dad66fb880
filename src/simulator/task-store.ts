import { fail, type SimFailure } from './sim-errors.ts';
import type { SimTaskBody, SimUpdatable, TaskKey, TaskScript } from './sim-types.ts';
import { currentCycle, isActive, taskStateAt, type TaskSnapshot } from './task-lifecycle.ts';

/** "通过此接口仅能查询距今 72 小时内开始的合流转推任务" */
export const QUERY_WINDOW_MS = 72 * 60 * 60 * 1000;

export interface TaskQuery {
  appId: string;
  roomId: string;
  taskId?: string;
  userId?: string;
}

const keyString = (k: TaskKey) => `${k.appId}\u0000${k.roomId}\u0000${k.taskId}`;

/**
 * The TaskIds a query can mean. Client tasks are stored as `userId@@taskId`, or as `userId` when
 * the client's taskId was empty (the user's first task). The docs: first task by UserId with an
 * empty TaskId, or by the UserId put in TaskId; later tasks by UserId plus TaskId.
 */
export function candidateTaskIds(taskId: string | undefined, userId: string | undefined): string[] {
  if (taskId && !userId) return [taskId];
  if (!taskId && userId) return [userId];
  if (!taskId || !userId) return [];
  if (taskId === userId || taskId.startsWith(`${userId}@@`)) return [taskId];
  // A server task queried with a UserId as well is still found by its TaskId.
  return [`${userId}@@${taskId}`, taskId];
}

export const notFound = (): SimFailure =>
  fail('InvalidParameter.ErrorActiveTaskNotFound', 'The task does not exist, or it started more than 72 hours ago.');

/** A repeating script pinned to its current cycle, so an update or a stop applies to that task. */
function anchored(script: TaskScript, t: number): TaskScript {
  const { repeatEveryMs: _gone, ...rest } = currentCycle(script, t);
  return rest;
}

/** Timings of a task started through the API: a second to start, a few more to reach the CDN. */
function freshScript(key: TaskKey, body: SimTaskBody, t: number): TaskScript {
  return {
    key,
    createdAt: t,
    body,
    startDelayMs: 800,
    unknownMs: 400,
    // PushStreamMode 0 waits for the first RTC stream; 1 pushes at once.
    waitPublisherMs: body.Control?.PushStreamMode === 1 ? 0 : 1500,
    connectMs: 1200,
    handshakeMs: 600,
    reconnects: [],
    revisions: [],
    ending: { kind: 'none' },
  };
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: SimFailure };

export class TaskStore {
  private readonly scripts = new Map<string, TaskScript>();

  put(script: TaskScript): void {
    this.scripts.set(keyString(script.key), script);
  }

  /** Every task the simulator holds, for its event callbacks. */
  all(): TaskScript[] {
    return [...this.scripts.values()];
  }

  script(key: TaskKey): TaskScript | undefined {
    return this.scripts.get(keyString(key));
  }

  /** The snapshot of one stored TaskId, if it exists at t and is inside the 72-hour window. */
  private visible(key: TaskKey, t: number): TaskSnapshot | undefined {
    const script = this.script(key);
    const snapshot = script && taskStateAt(script, t);
    return snapshot && t - snapshot.startTime <= QUERY_WINDOW_MS ? snapshot : undefined;
  }

  /** GetPushMixedStreamToCDNTask's lookup. */
  find(query: TaskQuery, t: number): TaskSnapshot | undefined {
    for (const taskId of candidateTaskIds(query.taskId, query.userId)) {
      const found = this.visible({ appId: query.appId, roomId: query.roomId, taskId }, t);
      if (found) return found;
    }
    if (query.userId && !query.taskId) return this.firstClientTask(query, query.userId, t);
    return undefined;
  }

  /** Without a task keyed by the bare UserId, "the user's first task" is their earliest one. */
  private firstClientTask(query: TaskQuery, userId: string, t: number): TaskSnapshot | undefined {
    const mine = [...this.scripts.values()]
      .filter((s) => s.key.appId === query.appId && s.key.roomId === query.roomId && s.userId === userId)
      .map((s) => this.visible(s.key, t))
      .filter((s): s is TaskSnapshot => s !== undefined)
      .sort((a, b) => a.startTime - b.startTime);
    return mine[0];
  }

  /** The task pushing to an RTMP path (`/app/stream`) now: what a CDN's pull of that stream shows. */
  pushingTo(path: string, t: number): TaskSnapshot | undefined {
    for (const script of this.scripts.values()) {
      const snapshot = taskStateAt(script, t);
      if (snapshot === undefined || snapshot.status !== 2 || snapshot.pushState !== 5) continue;
      let pushPath: string;
      try {
        pushPath = new URL(snapshot.body.PushURL).pathname;
      } catch {
        continue;
      }
      if (pushPath === path) return snapshot;
    }
    return undefined;
  }

  /** StartPushMixedStreamToCDN. Starting a running TaskId again is not an error. */
  start(key: TaskKey, body: SimTaskBody, t: number): 'started' | 'already-running' {
    const current = this.visible(key, t);
    if (current && isActive(current)) return 'already-running';
    this.put(freshScript(key, body, t));
    return 'started';
  }

  /** The running task an Update or Stop addresses, pinned to its current cycle. */
  active(key: TaskKey, t: number): Outcome<{ script: TaskScript; snapshot: TaskSnapshot }> {
    const snapshot = this.visible(key, t);
    if (!snapshot || !isActive(snapshot)) return { ok: false, failure: notFound() };
    return { ok: true, value: { script: anchored(snapshot.script, t), snapshot } };
  }

  /**
   * UpdatePushMixedStreamToCDN, after the caller validated the merged body. A scenario's own
   * later updates are dropped: once someone drives the task through the API, the script no
   * longer does (and SequenceNumber keeps increasing).
   */
  update(script: TaskScript, t: number, sequenceNumber: number, partial: boolean, update: SimUpdatable): void {
    const atMs = t - script.createdAt;
    const past = script.revisions.filter((r) => r.atMs <= atMs);
    this.put({ ...script, revisions: [...past, { atMs, sequenceNumber, partial, update }] });
  }

  /** StopPushStreamToCDN: the task ends now with StopByAPI. */
  stop(script: TaskScript, t: number): void {
    this.put({ ...script, ending: { kind: 'stop', atMs: t - script.createdAt, reason: 'StopByAPI' } });
  }
}
