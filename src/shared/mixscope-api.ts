import * as z from 'zod/mini';
import { API_VERSIONS } from './api-versions.ts';
import { OutputErrorDetailSchema } from './output-api.ts';
import { taskRefToSearch, type TaskRef } from './task-ref.ts';

/**
 * The mixscope server's own JSON API, spoken between the browser and the server.
 * Both sides parse with these schemas; types are inferred, never asserted.
 */

export const apiPaths = {
  config: '/api/config',
  task: '/api/task',
} as const;

/** The one URL a task is asked by, its IDs in a fixed order. */
export const taskApiPath = (ref: TaskRef): string => `${apiPaths.task}?${taskRefToSearch(ref)}`;

const TaskRefSchema = z.object({
  appId: z.string(),
  roomId: z.string(),
  taskId: z.optional(z.string()),
  userId: z.optional(z.string()),
  version: z.enum(API_VERSIONS),
});

export const UpstreamErrorSchema = z.object({
  /** Volcengine's ResponseMetadata.Error.Code, e.g. InvalidParameter. */
  code: z.string(),
  codeN: z.optional(z.number()),
  message: z.string(),
  /** ResponseMetadata.RequestId: what to quote to Volcengine support. */
  requestId: z.optional(z.string()),
  httpStatus: z.number(),
});
export type UpstreamError = z.infer<typeof UpstreamErrorSchema>;

export const ERROR_KINDS = [
  'invalid-input', // the browser's input failed validation: nothing was sent upstream
  'upstream', // Volcengine answered with ResponseMetadata.Error
  'unreachable', // network error or timeout talking to Volcengine
  'bad-upstream-body', // Volcengine answered something that is not the documented envelope
  'throttled', // the server's own upstream budget is exhausted
  'unauthorized', // MIXSCOPE_TOKEN is set and was not given
  'not-found',
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export const ApiErrorBodySchema = z.object({
  error: z.object({
    kind: z.enum(ERROR_KINDS),
    message: z.string(),
    issues: z.optional(
      z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
    ),
    upstream: z.optional(UpstreamErrorSchema),
    /** Seconds, when the caller should retry (also sent as Retry-After). */
    retryAfter: z.optional(z.number()),
    /**
     * Unix ms of the first failure in the server's current run of failed upstream calls: what to
     * show as "Volcengine unreachable since ..." (or the embedded simulator). Absent when the last call got an answer.
     * Optional and additive: older clients ignore it.
     */
    unreachableSince: z.optional(z.number()),
    /** The server's circuit breaker: `open` means it stopped asking upstream for a while. */
    circuit: z.optional(z.enum(['closed', 'open', 'half-open'])),
    /** GET /api/task/output only: why the output stream could not be read (reason, pull host). */
    output: z.optional(OutputErrorDetailSchema),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

export const TaskResponseSchema = z.object({
  ref: TaskRefSchema,
  /** When the server received this answer from upstream (Unix ms). */
  fetchedAt: z.number(),
  /**
   * The server's clock when it answered, in task time (the simulator's own when it runs
   * accelerated): "running for" and the 72-hour window are measured against it, never against
   * the browser's clock.
   */
  now: z.optional(z.number()),
  source: z.enum(['volcengine', 'simulator']),
  requestId: z.optional(z.string()),
  /** Result.PushMixedStreamToCDNTask exactly as Volcengine sent it; parse with parseTask(). */
  task: z.unknown(),
});
export type TaskResponse = z.infer<typeof TaskResponseSchema>;

export const ConfigResponseSchema = z.object({
  upstream: z.enum(['volcengine', 'simulator']),
  region: z.string(),
  /** Host of VOLC_ENDPOINT (no credentials, no path). */
  endpointHost: z.string(),
  qps: z.number(),
  authRequired: z.boolean(),
  /** True when MIXSCOPE_PULL_RULES or MIXSCOPE_PULL_HOSTS give the server outputs it may read (GET /api/task/output). */
  outputPull: z.boolean(),
});
export type ConfigResponse = z.infer<typeof ConfigResponseSchema>;
