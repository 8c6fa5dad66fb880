import * as z from 'zod/mini';
import { apiPaths } from './mixscope-api.ts';
import { taskRefToSearch, type TaskRef } from './task-ref.ts';

/**
 * GET /api/task/push-url?<task ref>: the task's PushURL with its stream key, which every other
 * answer masks. Asked only when someone presses Reveal or exports with the key included.
 */
export const pushUrlApiPath = (ref: TaskRef): string => `${apiPaths.task}/push-url?${taskRefToSearch(ref)}`;

export const PushUrlResponseSchema = z.object({
  /** Null when the task Volcengine returned has no PushURL. */
  pushUrl: z.nullable(z.string()),
});
export type PushUrlResponse = z.infer<typeof PushUrlResponseSchema>;
