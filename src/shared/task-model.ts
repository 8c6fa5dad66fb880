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

type Candidates = readonly ApiVersion[];
const V2020: Candidates = ['2020-12-01'];
const V2023: Candidates = ['2023-06-01', '2023-11-01'];
const HAS_MAX_RECORD_TIME: Candidates = ['2020-12-01', '2023-06-01'];

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The versions each version-specific field allows, strongest first: the region model, then the
 * Control and Layout fields a version added or dropped (reference §4).
 */
function versionEvidence(task: unknown): Candidates[] {
  const t = isRecord(task) ? task : {};
  const layout = isRecord(t['Layout']) ? t['Layout'] : {};
  const control = isRecord(t['Control']) ? t['Control'] : {};
  const custom = isRecord(layout['CustomLayout']) ? layout['CustomLayout'] : {};
  const regions = Array.isArray(custom['Regions']) ? custom['Regions'].filter(isRecord) : [];
  const regionHas = (key: string) => regions.some((r) => key in r);
  const evidence: Candidates[] = [];
  if (regionHas('Width') || regionHas('Height')) evidence.push(V2023);
  else if (regionHas('WidthProportion') || regionHas('HeightProportion')) evidence.push(V2020);
  if (control['SEIConfig'] !== undefined) evidence.push(V2023);
  if (['TalkVolume', 'VolumeIndicationMode', 'VolumeIndicationInterval'].some((k) => control[k] !== undefined)) evidence.push(V2020);
  if (layout['MainVideoStreamIndex'] !== undefined) evidence.push(V2020);
  if (control['MaxRecordTime'] !== undefined) evidence.push(HAS_MAX_RECORD_TIME);
  return evidence;
}

// Among the versions the fields leave open: 2020-12-01 (the default) first, then the newest.
const PREFERENCE: Candidates = ['2020-12-01', '2023-11-01', '2023-06-01'];

/**
 * Which API version a task without a known version is in: the envelope's Version when it names
 * one, else the version its version-specific fields point to. Pixel regions mean 2023; among the
 * 2023 versions only 2023-06-01 has Control.MaxRecordTime. A field that contradicts stronger
 * evidence is outvoted, not allowed to empty the choice.
 */
export function detectVersion(task: unknown, envelopeVersion?: unknown): { version: ApiVersion; guessed: boolean } {
  if (isApiVersion(envelopeVersion)) return { version: envelopeVersion, guessed: false };
  let candidates: Candidates = PREFERENCE;
  for (const allowed of versionEvidence(task)) {
    const narrowed = candidates.filter((v) => allowed.includes(v));
    if (narrowed.length > 0) candidates = narrowed;
  }
  return { version: candidates[0] ?? '2020-12-01', guessed: true };
}
