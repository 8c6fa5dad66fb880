import type { ApiVersion } from '../api-versions.ts';
import { parseTask } from '../parse-task.ts';
import { isMaskedPushUrl, pushUrlOf } from '../push-url.ts';
import { requestRules, type RequestKind, type RequestRule } from '../request-rules.ts';
import { isObj, type Obj } from './task-paths.ts';

/**
 * The request bodies an edited task becomes: a full (not partial) UpdatePushMixedStreamToCDN,
 * which replaces every updatable section so the task ends up exactly as edited, and a
 * StartPushMixedStreamToCDN for starting it afresh. mixscope only writes them; it never sends one.
 */

export interface TaskIds {
  AppId: string;
  RoomId: string;
  TaskId: string;
  BusinessId?: string;
}

export interface UpdateOptions {
  /**
   * Volcengine refuses an update whose SequenceNumber is not greater than the last one applied,
   * and no answer says which that was: the caller picks it (the person editing knows their own
   * numbering). Left out, the body has none and the rules advise adding one.
   */
  sequenceNumber?: number;
}

/** Sent in place of a push URL mixscope does not have (masked, or none): an RTMP address nobody owns, to be replaced. */
export const PUSH_URL_PLACEHOLDER = 'rtmp://replace-with-your-push-host.invalid/live/replace-with-your-stream-key';

export function isPushUrlPlaceholder(url: unknown): boolean {
  return url === PUSH_URL_PLACEHOLDER;
}

const UPDATABLE = ['TargetStreams', 'Encode', 'Layout', 'Control'] as const;

/**
 * `raw` with each value the lenient parse read as another type given as that type: the docs'
 * own response example sends numbers as strings ("PushStreamState": "6"), which Volcengine's
 * Int32 fields cannot decode in a request. Everything else stays as sent, invalid values
 * included, so the rules still report them.
 */
function typedAsRead(raw: unknown, read: unknown): unknown {
  if (Array.isArray(raw)) return raw.map((v, i) => typedAsRead(v, Array.isArray(read) ? read[i] : undefined));
  if (isObj(raw)) return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typedAsRead(v, isObj(read) ? read[k] : undefined)]));
  return typeof read === 'number' || typeof read === 'boolean' ? read : raw;
}

/**
 * The sections a body carries, each as the task has it; with `fill`, `{}` (every default, which is
 * what a task without the section has) for one it lacks, since a full update replaces them all.
 */
function sections(task: unknown, keys: readonly string[], fill: boolean): Obj {
  const raw = isObj(task) ? task : {};
  const typed = typedAsRead(raw, parseTask(raw).task);
  const t = isObj(typed) ? typed : {};
  return Object.fromEntries(keys.flatMap((k) => (isObj(t[k]) ? [[k, t[k]]] : fill ? [[k, {}]] : [])));
}

function idFields(ids: TaskIds): Obj {
  const out: Obj = { AppId: ids.AppId, RoomId: ids.RoomId, TaskId: ids.TaskId };
  if (ids.BusinessId !== undefined && ids.BusinessId !== '') out['BusinessId'] = ids.BusinessId;
  return out;
}

/** A full UpdatePushMixedStreamToCDN body that leaves the task as `task` describes it. Never has a PushURL. */
export function updateBody(task: unknown, version: ApiVersion, ids: TaskIds, options: UpdateOptions = {}): Obj {
  void version; // Same shape in every version: the sections are already written in the task's own.
  const body: Obj = { ...idFields(ids), ...sections(task, UPDATABLE, true), IsUpdatePartialParam: false };
  if (options.sequenceNumber !== undefined) body['SequenceNumber'] = options.sequenceNumber;
  return body;
}

/**
 * A StartPushMixedStreamToCDN body for the task as edited. The push URL is `pushUrl`, else the
 * task's own when it is not masked, else PUSH_URL_PLACEHOLDER (isPushUrlPlaceholder says so).
 */
export function startBody(task: unknown, version: ApiVersion, ids: TaskIds, pushUrl?: string): Obj {
  void version;
  const own = pushUrlOf(task);
  const url = pushUrl !== undefined && pushUrl !== '' ? pushUrl : own !== undefined && own !== '' && !isMaskedPushUrl(own) ? own : PUSH_URL_PLACEHOLDER;
  const body: Obj = { ...idFields(ids), PushURL: url, ...sections(task, [...UPDATABLE, 'ExcludeStreams'], false) };
  return body;
}

/** The documented rules a body breaks, worst first: the same check the offline inspector runs. */
export function checkBody(body: unknown, kind: RequestKind, version: ApiVersion): RequestRule[] {
  return requestRules(body, kind, version);
}
