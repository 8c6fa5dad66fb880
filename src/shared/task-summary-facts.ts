import { isFinished, type TaskModel } from './task-model.ts';

/**
 * What the summary may say about a task's stop reason and push state, from the facts alone:
 * "Still running" only for a task reported running, and "not available yet" only while the push
 * state can still become available.
 */
export type StopReasonFact =
  | { kind: 'reason'; reason: string }
  | { kind: 'running' }
  | { kind: 'ended-without-reason' }
  | { kind: 'not-reported' };

export function stopReasonFact(model: Pick<TaskModel, 'status' | 'endTime' | 'stopReason'>): StopReasonFact {
  if (model.stopReason !== undefined) return { kind: 'reason', reason: model.stopReason };
  if (isFinished(model)) return { kind: 'ended-without-reason' };
  if (model.status === undefined) return { kind: 'not-reported' };
  return { kind: 'running' };
}

/** PushStreamState 0 ("not available yet") on a task that has ended: it never will be. */
export function pushStateNeverCame(model: Pick<TaskModel, 'status' | 'endTime' | 'pushStreamState'>): boolean {
  return isFinished(model) && (model.pushStreamState === undefined || model.pushStreamState === 0);
}
