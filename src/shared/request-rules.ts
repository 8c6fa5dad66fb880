import type { ApiVersion } from './api-versions.ts';
import { maskPushUrl } from './push-url.ts';
import { layoutRules } from './request-rules-layout.ts';
import { controlRules, encodeRules, streamListRules } from './request-rules-sections.ts';
import { fillTemplate, RULE_TEXT, type RuleCode } from './request-rules-text.ts';
import { idRule, isObj, shown, unknownKeys, type Obj, type RuleDraft } from './request-rules-values.ts';

/**
 * Which documented rules a StartPushMixedStreamToCDN or UpdatePushMixedStreamToCDN body breaks,
 * before anyone sends it. Pure: the body in, a list out, worst first. Each entry says what
 * Volcengine does about it (the effect), where (the field path) and how to fix it.
 *
 * The simulator enforces the same documented rules when it answers a request, one failure at a
 * time (src/simulator/control-*.ts); this lists every one at once, for a person to read.
 */

export type RequestKind = 'start' | 'update';

/**
 * rejected - Volcengine answers an error (MissingParameter / InvalidParameter): nothing starts;
 * reset    - accepted, but the value is replaced by its documented default;
 * ignored  - accepted, the field has no effect;
 * advice   - accepted as sent, but probably not what was meant.
 */
export type RuleEffect = 'rejected' | 'reset' | 'ignored' | 'advice';

export interface RequestRule {
  /** `code:path`, unique in one list (a React key). */
  id: string;
  code: RuleCode;
  effect: RuleEffect;
  /** Dotted path from the body's root, e.g. `Layout.CustomLayout.Regions[2].StreamIndex`; '' for the whole body. */
  path: string;
  /** The values in the message and fix, for translations. */
  params: Record<string, string | number>;
  message: string;
  fix: string;
}

export const RULE_EFFECT: Readonly<Record<RuleCode, RuleEffect>> = {
  notAnObject: 'rejected',
  missingRequired: 'rejected',
  idNotString: 'rejected',
  idTooLong: 'rejected',
  idCharset: 'rejected',
  pushUrlNotRtmp: 'rejected',
  notUpdatable: 'ignored',
  sequenceNumberMissing: 'advice',
  sequenceNumberInvalid: 'rejected',
  partialFlagInvalid: 'rejected',
  fullUpdateOmits: 'advice',
  streamListInvalid: 'rejected',
  streamInvalid: 'rejected',
  streamUserIdInvalid: 'rejected',
  streamIndexInvalid: 'rejected',
  duplicateIndex: 'rejected',
  tooManyStreams: 'rejected',
  tooManyRegions: 'rejected',
  regionUnmatched: 'rejected',
  targetWithoutRegion: 'rejected',
  targetWithoutIndex: 'rejected',
  duplicateStreamIndex: 'rejected',
  regionsNotList: 'rejected',
  regionNotObject: 'rejected',
  regionRequired: 'rejected',
  regionValueInvalid: 'rejected',
  regionNotInteger: 'rejected',
  regionPixelsAsRatio: 'rejected',
  valueNotInteger: 'rejected',
  businessIdNotString: 'rejected',
  seiUuidMissing: 'rejected',
  seiUuidInvalid: 'rejected',
  seiUuidIgnored: 'ignored',
  valueOutOfRange: 'reset',
  valueOdd: 'reset',
  valueWrongType: 'reset',
  valueBadFormat: 'reset',
  valueTooLong: 'reset',
  notPerpendicular: 'reset',
  notInVersion: 'ignored',
  unknownField: 'ignored',
  unknownFieldSuggest: 'ignored',
  customLayoutIgnored: 'ignored',
};

/** Worst first. */
export const EFFECT_RANK: Readonly<Record<RuleEffect, number>> = { rejected: 0, reset: 1, ignored: 2, advice: 3 };

/** The push URL Volcengine takes: RTMP only, with a host (InvalidParameter.InvalidRtmpAddress otherwise). */
export const RTMP_PUSH_URL = /^rtmp:\/\/[^/\s]+/i;

/** A rule's message and fix in plain English. */
export function describeRule(draft: RuleDraft): { message: string; fix: string } {
  const text = RULE_TEXT[draft.code];
  return { message: fillTemplate(text.message, draft.params), fix: fillTemplate(text.fix, draft.params) };
}

const START_KEYS = ['AppId', 'RoomId', 'TaskId', 'PushURL', 'BusinessId', 'Control', 'Encode', 'ExcludeStreams', 'Layout', 'TargetStreams'];
const UPDATE_KEYS = ['AppId', 'RoomId', 'TaskId', 'BusinessId', 'Control', 'Encode', 'Layout', 'TargetStreams', 'IsUpdatePartialParam', 'SequenceNumber'];
const NOT_UPDATABLE = ['PushURL', 'ExcludeStreams'];
const UPDATABLE_SECTIONS = ['TargetStreams', 'Encode', 'Layout', 'Control'];
const INT32_MAX = 2 ** 31 - 1;

function topLevelRules(body: Obj, kind: RequestKind): RuleDraft[] {
  const out: RuleDraft[] = [];
  for (const key of ['AppId', 'RoomId', 'TaskId']) {
    const problem = idRule(body, key);
    if (problem) out.push(problem);
  }
  const businessId = body['BusinessId'];
  // null decodes as absent; anything else but a string cannot be read into the documented String.
  if (businessId !== undefined && businessId !== null && typeof businessId !== 'string') {
    out.push({ code: 'businessIdNotString', path: 'BusinessId', params: { value: shown(businessId) } });
  }
  if (kind === 'start') {
    out.push(...unknownKeys(body, START_KEYS, ''));
    const url = body['PushURL'];
    if (url === undefined || url === null || url === '') out.push({ code: 'missingRequired', path: 'PushURL', params: { field: 'PushURL' } });
    else if (typeof url !== 'string' || !RTMP_PUSH_URL.test(url)) {
      out.push({ code: 'pushUrlNotRtmp', path: 'PushURL', params: { url: typeof url === 'string' ? maskPushUrl(url) : shown(url) } });
    }
    return out;
  }
  out.push(...unknownKeys(body, [...UPDATE_KEYS, ...NOT_UPDATABLE], ''));
  for (const key of NOT_UPDATABLE) if (body[key] !== undefined) out.push({ code: 'notUpdatable', path: key, params: { field: key } });
  const seq = body['SequenceNumber'];
  if (seq === undefined) out.push({ code: 'sequenceNumberMissing', path: 'SequenceNumber', params: {} });
  else if (!(typeof seq === 'number' && Number.isInteger(seq) && seq >= 0 && seq <= INT32_MAX)) {
    out.push({ code: 'sequenceNumberInvalid', path: 'SequenceNumber', params: { value: shown(seq) } });
  }
  const partial = body['IsUpdatePartialParam'];
  if (partial !== undefined && typeof partial !== 'boolean') out.push({ code: 'partialFlagInvalid', path: 'IsUpdatePartialParam', params: { value: shown(partial) } });
  if (partial !== true) {
    const omitted = UPDATABLE_SECTIONS.filter((key) => body[key] === undefined);
    if (omitted.length > 0) out.push({ code: 'fullUpdateOmits', path: '', params: { fields: omitted.join(', ') } });
  }
  return out;
}

function finish(drafts: RuleDraft[]): RequestRule[] {
  const seen = new Set<string>();
  const rules: RequestRule[] = [];
  for (const d of drafts) {
    const id = `${d.code}:${d.path}`;
    if (seen.has(id)) continue;
    seen.add(id);
    rules.push({ ...d, id, effect: RULE_EFFECT[d.code], ...describeRule(d) });
  }
  // Stable sort: within one effect, the order the body is read in.
  return rules.sort((a, b) => EFFECT_RANK[a.effect] - EFFECT_RANK[b.effect]);
}

/** Every documented rule `body` breaks as a `kind` request of API `version`, worst first. */
export function requestRules(body: unknown, kind: RequestKind, version: ApiVersion): RequestRule[] {
  if (!isObj(body)) return finish([{ code: 'notAnObject', path: '', params: { value: shown(body) } }]);
  const complete = kind === 'start' || body['IsUpdatePartialParam'] !== true;
  return finish([
    ...topLevelRules(body, kind),
    ...streamListRules(body['TargetStreams'], 'TargetStreams'),
    ...(kind === 'start' ? streamListRules(body['ExcludeStreams'], 'ExcludeStreams') : []),
    ...layoutRules(body, { version, complete }),
    ...encodeRules(body, version),
    ...controlRules(body, { version, complete }),
  ]);
}

/** True when Volcengine would refuse the request outright. */
export function isRejected(rules: readonly RequestRule[]): boolean {
  return rules.some((r) => r.effect === 'rejected');
}
