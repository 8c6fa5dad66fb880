import { isApiVersion, type ApiVersion } from './api-versions.ts';
import type { NormalisedLayout, StreamEntry } from './layout-model.ts';
import { normaliseLayout, streamList } from './layout-normalise.ts';
import { parseTask, type ParseIssue } from './parse-task.ts';
import type { VolcTask } from './volc-task-schema.ts';

/** Everything the UI shows about one task, derived from the raw object by pure functions. */
export interface TaskModel {
  version: ApiVersion;
  task: VolcTask;
  issues: ParseIssue[];
  status: number | undefined;
  pushStreamState: number | undefined;
  /** Empty string and absent both mean "not finished". */
  stopReason: string | undefined;
  startTime: number | undefined;
  /** Absent when the task has not ended (Volcengine sends 0). */
  endTime: number | undefined;
  pushUrl: string | undefined;
  targets: StreamEntry[];
  excludes: StreamEntry[];
  layout: NormalisedLayout;
}

export const STATUS_RUNNING = 2;
export const STATUS_ENDED = 3;
export const STATUS_FAILED = 4;

export function buildTaskModel(raw: unknown, version: ApiVersion): TaskModel {
  const { task, issues } = parseTask(raw);
  return {
    version,
    task,
    issues,
    status: task.Status,
    pushStreamState: task.PushStreamState,
    stopReason: task.StopReason === '' ? undefined : task.StopReason,
    startTime: task.StartTime !== undefined && task.StartTime > 0 ? task.StartTime : undefined,
    endTime: task.EndTime !== undefined && task.EndTime > 0 ? task.EndTime : undefined,
    pushUrl: task.PushURL,
    targets: streamList(task.TargetStreams),
    excludes: streamList(task.ExcludeStreams),
    layout: normaliseLayout(task, version),
  };
}

/** A task that will not change any more: polling it again is wasted budget. */
export function isFinished(model: Pick<TaskModel, 'status' | 'endTime'>): boolean {
  return model.status === STATUS_ENDED || model.status === STATUS_FAILED || model.endTime !== undefined;
}

/**
 * Which coordinate model a task without a known version uses: the envelope's Version when it
 * names one, else pixel fields (Width/Height) mean 2023-11-01 and ratio fields 2020-12-01.
 */
export function detectVersion(task: unknown, envelopeVersion?: unknown): { version: ApiVersion; guessed: boolean } {
  if (isApiVersion(envelopeVersion)) return { version: envelopeVersion, guessed: false };
  const regions = (task as { Layout?: { CustomLayout?: { Regions?: unknown } } } | null)?.Layout?.CustomLayout?.Regions;
  if (Array.isArray(regions)) {
    const has = (key: string) => regions.some((r) => r !== null && typeof r === 'object' && key in r);
    if (has('Width') || has('Height')) return { version: '2023-11-01', guessed: true };
  }
  return { version: '2020-12-01', guessed: true };
}
