import * as z from 'zod/mini';
import { HistoryTaskRefSchema } from './history-api.ts';
import { MARKER_FIELDS } from './timeline-lanes.ts';

/**
 * GET /api/demo-history: the past of one of the embedded simulator's tasks, computed by the
 * simulator from its script. Only a server running the embedded simulator answers it; it is
 * never stored beside what mixscope observed, and the timeline draws it as "demo history".
 */
export const demoHistoryPath = '/api/demo-history';

export const DemoHistoryStepSchema = z.object({
  /** From this moment (Unix ms) on, the task's answer was this. */
  at: z.number(),
  status: z.number(),
  pushStreamState: z.number(),
  stopReason: z.nullable(z.string()),
  endTime: z.nullable(z.number()),
  /** The configuration parts that changed at this step; empty on the first and on state-only steps. */
  changed: z.array(z.enum(MARKER_FIELDS)),
  /** The task as GetPushMixedStreamToCDNTask answered then (PushURL masked): first step and configuration changes only, else null. */
  payload: z.unknown(),
});
export type DemoHistoryStep = z.infer<typeof DemoHistoryStepSchema>;

export const DemoHistoryResponseSchema = z.object({
  origin: z.literal('demo'),
  key: z.string(),
  ref: HistoryTaskRefSchema,
  /** The task time the past was computed at: the last step holds until then, or until its EndTime. */
  now: z.number(),
  /** The task's StartTime; null when the simulator holds no such task. */
  startTime: z.nullable(z.number()),
  /** Oldest first; empty when the simulator holds no such task. */
  steps: z.array(DemoHistoryStepSchema),
});
export type DemoHistoryResponse = z.infer<typeof DemoHistoryResponseSchema>;
