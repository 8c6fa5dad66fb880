import * as z from 'zod/mini';
import { CallbackEventSchema } from './callback-api.ts';
import type { TaskRef } from './task-ref.ts';

/**
 * GET /api/task/events?<task ref>: what Volcengine reported about one task by callback (its
 * Transcode* events, each with its own EventTime) and who was in its room when (from UserJoinRoom
 * and UserLeaveRoom). Facts reported by Volcengine, beside the observations mixscope polled.
 */

export const TASK_EVENTS_PATH = '/api/task/events';
/** The newest events returned; older ones stay stored. */
export const TASK_EVENTS_LIMIT = 500;

export const PresenceSpanSchema = z.object({
  joinedAt: z.nullable(z.number()),
  leftAt: z.nullable(z.number()),
  reason: z.nullable(z.string()),
});

export const UserPresenceSchema = z.object({ userId: z.string(), spans: z.array(PresenceSpanSchema) });

export const TaskEventsResponseSchema = z.object({
  /** The server's clock (task time when the simulator runs accelerated). */
  now: z.number(),
  /** The task's Transcode* callbacks, oldest EventTime first. */
  events: z.array(CallbackEventSchema),
  /** True when older events were left out. */
  truncated: z.boolean(),
  /** Each user of the task's room, by id. */
  presence: z.array(UserPresenceSchema),
});
export type TaskEventsResponse = z.infer<typeof TaskEventsResponseSchema>;

/**
 * The TaskIds a callback may name for a task reference: Volcengine stores a client's tasks as
 * `userId@@taskId`, or as the UserId alone for the user's first task.
 */
export function callbackTaskIds(ref: Pick<TaskRef, 'taskId' | 'userId'>): string[] {
  const { taskId, userId } = ref;
  if (taskId && userId) return [...new Set([taskId, taskId.startsWith(`${userId}@@`) ? taskId : `${userId}@@${taskId}`])];
  if (taskId) return [taskId];
  return userId ? [userId] : [];
}
