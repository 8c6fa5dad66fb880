import type { ApiVersion } from '../shared/api-versions.ts';
import { RTMP_PUSH_URL } from '../shared/request-rules.ts';
import {
  BodyRejection, isInt, isObj, parseControl, parseEncode, parseStreams, reject, requiredId, setIf, type Obj,
} from './control-fields.ts';
import { checkLayoutRules, parseLayout } from './control-layout.ts';
import type { SimFailure } from './sim-errors.ts';
import type { SimTaskBody, SimUpdatable, TaskKey } from './sim-types.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; failure: SimFailure };

/** Runs a reader that throws BodyRejection and returns its outcome as a value. */
export function guarded<T>(read: () => T): Parsed<T> {
  try {
    return { ok: true, value: read() };
  } catch (e) {
    if (e instanceof BodyRejection) return { ok: false, failure: e.failure };
    throw e;
  }
}

/** The JSON body of a control action: an object, or BodyIsEmpty / Unmarshal as RTC names them. */
export function parseJsonBody(text: string): Parsed<Obj> {
  return guarded(() => {
    if (text.trim() === '') throw reject('The request body is empty.', 'InvalidParameter.BodyIsEmpty');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw reject('The request body is not valid JSON.', 'InvalidParameter.Unmarshal');
    }
    if (!isObj(value)) throw reject('The request body must be a JSON object.', 'InvalidParameter.Unmarshal');
    return value;
  });
}

export function readKey(raw: Obj): TaskKey {
  return { appId: requiredId(raw, 'AppId'), roomId: requiredId(raw, 'RoomId'), taskId: requiredId(raw, 'TaskId') };
}

/** BusinessId is a String in the API models: null reads as absent, any other type fails. */
function businessId(raw: Obj): string | undefined {
  const value = raw['BusinessId'];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw reject('BusinessId must be a string.');
  return value;
}

export interface StartRequest {
  key: TaskKey;
  body: SimTaskBody;
}

/** StartPushMixedStreamToCDN: PushURL is required and RTMP only. */
export function parseStart(raw: Obj, version: ApiVersion): Parsed<StartRequest> {
  return guarded(() => {
    const key = readKey(raw);
    const url = raw['PushURL'];
    if (url === undefined || url === null || url === '') throw reject('PushURL is required.', 'MissingParameter');
    if (typeof url !== 'string' || !RTMP_PUSH_URL.test(url)) {
      throw reject('PushURL must be an rtmp:// address; only RTMP is supported.', 'InvalidParameter.InvalidRtmpAddress');
    }
    const body: SimTaskBody = { PushURL: url };
    setIf(body, 'BusinessId', businessId(raw));
    setIf(body, 'TargetStreams', parseStreams(raw['TargetStreams'], 'TargetStreams'));
    setIf(body, 'ExcludeStreams', parseStreams(raw['ExcludeStreams'], 'ExcludeStreams'));
    setIf(body, 'Encode', parseEncode(raw['Encode'], version));
    setIf(body, 'Layout', parseLayout(raw['Layout'], version));
    setIf(body, 'Control', parseControl(raw['Control'], version));
    checkLayoutRules(body.Layout, body.TargetStreams);
    return { key, body };
  });
}

export interface UpdateRequest {
  key: TaskKey;
  partial: boolean;
  sequenceNumber: number | undefined;
  update: SimUpdatable;
}

/**
 * UpdatePushMixedStreamToCDN. `current` is the task's body now: 2023 pixel regions are measured
 * on its canvas when the update does not bring one. PushURL and ExcludeStreams are not
 * updatable and are ignored, as the documented body has no such fields.
 */
export function parseUpdate(raw: Obj, version: ApiVersion, current: SimTaskBody): Parsed<UpdateRequest> {
  return guarded(() => {
    const key = readKey(raw);
    const partialRaw = raw['IsUpdatePartialParam'];
    if (partialRaw !== undefined && typeof partialRaw !== 'boolean') throw reject('IsUpdatePartialParam must be true or false.');
    const seq = raw['SequenceNumber'];
    const validSeq = (v: unknown): v is number => isInt(v) && v >= 0 && v <= 2 ** 31 - 1;
    if (seq !== undefined && !validSeq(seq)) throw reject('SequenceNumber must be a non-negative Int32.');
    const update: SimUpdatable = {};
    setIf(update, 'BusinessId', businessId(raw));
    setIf(update, 'TargetStreams', parseStreams(raw['TargetStreams'], 'TargetStreams'));
    setIf(update, 'Encode', parseEncode(raw['Encode'], version));
    setIf(update, 'Layout', parseLayout(raw['Layout'], version, current.Layout?.CustomLayout?.Canvas));
    setIf(update, 'Control', parseControl(raw['Control'], version, partialRaw === true ? current.Control : undefined));
    return { key, partial: partialRaw === true, sequenceNumber: validSeq(seq) ? seq : undefined, update };
  });
}

/** Re-checks the layout rules on the task as an update would leave it. */
export function checkMerged(body: SimTaskBody): Parsed<SimTaskBody> {
  return guarded(() => {
    checkLayoutRules(body.Layout, body.TargetStreams);
    return body;
  });
}

export function parseStop(raw: Obj): Parsed<TaskKey> {
  return guarded(() => readKey(raw));
}
