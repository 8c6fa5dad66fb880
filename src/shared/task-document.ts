import { isApiVersion, type ApiVersion } from './api-versions.ts';
import { isPng, readTextChunk, type PngTextError } from './png-text-chunk.ts';
import { EFFECT_RANK, requestRules, type RequestRule } from './request-rules.ts';
import { scanJson, type JsonSyntaxError } from './task-document-json.ts';
import { nearestPosition, type TextPosition } from './task-document-position.ts';
import { isMaskedPushUrl, pushUrlOf } from './push-url.ts';
import { readExportedAt, readRef, readStreamKey, TaskExportSchema, type DocumentRef, type StreamKeyState } from './task-document-export.ts';
import { detectVersion } from './task-model.ts';
import { interpretEnvelope } from './volc-envelope.ts';

/**
 * Reads whatever a support engineer pastes or drops on /inspect and says what it is: a
 * GetPushMixedStreamToCDNTask response, a bare task, a Start or Update request body, or a
 * mixscope export (JSON, or a PNG carrying it). Never throws: bad input is an error value that
 * points at the line, column and field.
 */

export type DocumentKind = 'get-response' | 'task' | 'start-request' | 'update-request' | 'mixscope-export' | 'mixscope-png';

/** Where the coordinate model came from: the envelope, the export, the user's choice, or a guess from the fields. */
export type VersionSource = 'envelope' | 'export' | 'user' | 'guessed';

export interface TaskDocument {
  kind: DocumentKind;
  /** A request body without PushURL, SequenceNumber or IsUpdatePartialParam: read as an Update. */
  kindGuessed: boolean;
  version: ApiVersion;
  versionGuessed: boolean;
  versionSource: VersionSource;
  /** A Version the envelope or export names that mixscope does not know (e.g. BytePlus' 2022-06-01). */
  unknownVersion?: string;
  /** What buildTaskModel takes: Result.PushMixedStreamToCDNTask, or the request body. */
  task: unknown;
  ref?: DocumentRef;
  requestId?: string;
  /** `masked` when the PushURL's stream key was masked before it got here (an export, an answer of mixscope's server). */
  streamKey?: StreamKeyState;
  requestRules?: RequestRule[];
  /** Where each field of `task` is in the text, by the paths parse-task and request-rules use. */
  positions: ReadonlyMap<string, TextPosition>;
  /** For a PNG: the JSON found inside it, which `positions` refer to. */
  embeddedText?: string;
  /** An export's moment (Unix ms): its times and durations are as they were then. Other documents do not say when they were read. */
  snapshotAt?: number;
}

/**
 * What a field left out of a document means: for a task and a Start body (and a full Update, which
 * puts back what it leaves out) the documented default; for a partial Update, the task's own value.
 */
export type FieldSource = 'task' | 'start-request' | 'update-request' | 'partial-update-request';

export type DocumentError =
  | { code: 'empty' }
  | { code: 'json'; syntax: JsonSyntaxError }
  | { code: 'notAnObject'; found: 'list' | 'string' | 'number' | 'boolean' | 'null' }
  | { code: 'unknownShape'; keys: string[] }
  | { code: 'upstream'; upstream: { code: string; codeN?: number; message: string; requestId?: string } }
  | { code: 'noTaskInResponse'; result: string }
  | { code: 'png'; reason: PngTextError; detail?: string }
  | { code: 'pngNotExport' }
  | { code: 'notTextOrPng' }
  | { code: 'internal'; message: string };

export type ReadResult = { ok: true; document: TaskDocument } | { ok: false; error: DocumentError };

export interface ReadOptions {
  /** The user's choice, used when the document does not name a version. */
  version?: ApiVersion | undefined;
}

const TASK_KEYS = ['Status', 'PushStreamState', 'StopReason', 'StartTime', 'EndTime', 'PushURL', 'TargetStreams', 'ExcludeStreams', 'Encode', 'Layout', 'Control'];
const ID_KEYS = ['AppId', 'RoomId', 'TaskId'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const fail = (error: DocumentError): ReadResult => ({ ok: false, error });

export function fieldSource(doc: Pick<TaskDocument, 'kind' | 'task'>): FieldSource {
  if (doc.kind === 'start-request') return 'start-request';
  if (doc.kind !== 'update-request') return 'task';
  return isObj(doc.task) && doc.task['IsUpdatePartialParam'] === true ? 'partial-update-request' : 'update-request';
}

/** Positions relative to the task, from positions relative to the document. */
function under(positions: ReadonlyMap<string, TextPosition>, prefix: string): Map<string, TextPosition> {
  if (prefix === '') return new Map(positions);
  const out = new Map<string, TextPosition>();
  for (const [path, pos] of positions) {
    if (path === prefix) out.set('', pos);
    else if (path.startsWith(`${prefix}.`)) out.set(path.slice(prefix.length + 1), pos);
    else if (path.startsWith(`${prefix}[`)) out.set(path.slice(prefix.length), pos);
  }
  return out;
}

interface Found {
  kind: DocumentKind;
  kindGuessed?: boolean;
  task: unknown;
  prefix: string;
  namedVersion?: unknown;
  versionFrom?: 'envelope' | 'export';
  ref?: DocumentRef | undefined;
  requestId?: string | undefined;
  streamKey?: StreamKeyState | undefined;
  snapshotAt?: number | undefined;
}

function fromEnvelope(o: Obj): Found | DocumentError {
  const meta = isObj(o['ResponseMetadata']) ? o['ResponseMetadata'] : {};
  const outcome = interpretEnvelope(200, o);
  if (outcome.kind === 'error') {
    const { httpStatus: _status, ...upstream } = outcome.error;
    return { code: 'upstream', upstream };
  }
  const result = outcome.kind === 'ok' ? outcome.result : o['Result'];
  const task = isObj(result) ? result['PushMixedStreamToCDNTask'] : undefined;
  if (!isObj(task)) return { code: 'noTaskInResponse', result: result === undefined ? 'nothing' : JSON.stringify(result).slice(0, 60) };
  const requestId = typeof meta['RequestId'] === 'string' ? meta['RequestId'] : undefined;
  return { kind: 'get-response', task, prefix: 'Result.PushMixedStreamToCDNTask', namedVersion: meta['Version'], versionFrom: 'envelope', requestId };
}

/** What kind of object this is, by the keys only Get responses, exports and request bodies have. */
function classify(o: Obj): Found | DocumentError {
  const exported = TaskExportSchema.safeParse(o);
  if (exported.success && 'task' in o) {
    return { kind: 'mixscope-export', task: exported.data.task, prefix: 'task', namedVersion: exported.data.version, versionFrom: 'export', ref: readRef(exported.data.ref), streamKey: readStreamKey(exported.data.streamKey), snapshotAt: readExportedAt(exported.data.exportedAt) };
  }
  if ('ResponseMetadata' in o || 'Result' in o) return fromEnvelope(o);
  if (isObj(o['PushMixedStreamToCDNTask'])) return { kind: 'get-response', task: o['PushMixedStreamToCDNTask'], prefix: 'PushMixedStreamToCDNTask' };
  const hasIds = ID_KEYS.some((k) => k in o);
  if (hasIds && !('Status' in o)) {
    const ref = readRef({ appId: o['AppId'], roomId: o['RoomId'], taskId: o['TaskId'] });
    if ('SequenceNumber' in o || 'IsUpdatePartialParam' in o) return { kind: 'update-request', task: o, prefix: '', ref };
    if ('PushURL' in o) return { kind: 'start-request', task: o, prefix: '', ref };
    return { kind: 'update-request', kindGuessed: true, task: o, prefix: '', ref };
  }
  if (TASK_KEYS.some((k) => k in o)) return { kind: 'task', task: o, prefix: '' };
  return { code: 'unknownShape', keys: Object.keys(o).slice(0, 6) };
}

function typeName(v: unknown): 'list' | 'string' | 'number' | 'boolean' | 'null' {
  if (Array.isArray(v)) return 'list';
  if (v === null) return 'null';
  return typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'boolean' : 'number';
}

/** Worst first, as request-rules orders them; within one effect, top to bottom of the text. */
function inTextOrder(rules: RequestRule[], positions: ReadonlyMap<string, TextPosition>): RequestRule[] {
  const where = (r: RequestRule) => {
    const p = nearestPosition(positions, r.path);
    return p ? p.line * 1e6 + p.column : 0;
  };
  return [...rules].sort((a, b) => EFFECT_RANK[a.effect] - EFFECT_RANK[b.effect] || where(a) - where(b));
}

function readText(raw: string, options: ReadOptions): ReadResult {
  const text = raw.replace(/^\uFEFF/, '');
  if (text.trim() === '') return fail({ code: 'empty' });
  const scan = scanJson(text);
  if (!scan.ok) return fail({ code: 'json', syntax: scan.error });
  if (!isObj(scan.value)) return fail({ code: 'notAnObject', found: typeName(scan.value) });
  const found = classify(scan.value);
  if ('code' in found) return fail(found);
  const named = found.namedVersion;
  const { version, guessed } = isApiVersion(named) ? { version: named, guessed: false } : options.version ? { version: options.version, guessed: false } : detectVersion(found.task);
  const versionSource: VersionSource = isApiVersion(named) ? (found.versionFrom ?? 'envelope') : options.version ? 'user' : 'guessed';
  const document: TaskDocument = {
    kind: found.kind,
    kindGuessed: found.kindGuessed ?? false,
    version,
    versionGuessed: guessed,
    versionSource,
    task: found.task,
    positions: under(scan.positions, found.prefix),
  };
  if (typeof named === 'string' && !isApiVersion(named)) document.unknownVersion = named.slice(0, 40);
  if (found.ref) document.ref = found.ref;
  if (found.requestId) document.requestId = found.requestId;
  if (found.snapshotAt !== undefined) document.snapshotAt = found.snapshotAt;
  const pushUrl = pushUrlOf(found.task);
  const streamKey = found.streamKey ?? (pushUrl !== undefined && isMaskedPushUrl(pushUrl) ? 'masked' : undefined);
  if (streamKey) document.streamKey = streamKey;
  if (found.kind === 'start-request' || found.kind === 'update-request') {
    const rules = requestRules(found.task, found.kind === 'start-request' ? 'start' : 'update', version);
    document.requestRules = inTextOrder(rules, document.positions);
  }
  return { ok: true, document };
}

function readBytes(bytes: Uint8Array, options: ReadOptions): ReadResult {
  if (isPng(bytes)) {
    const chunk = readTextChunk(bytes);
    if (!chunk.ok) return fail({ code: 'png', reason: chunk.error, ...(chunk.detail ? { detail: chunk.detail } : {}) });
    const inner = readText(chunk.text, options);
    if (!inner.ok) return inner.error.code === 'json' ? inner : fail({ code: 'pngNotExport' });
    if (inner.document.kind !== 'mixscope-export') return fail({ code: 'pngNotExport' });
    return { ok: true, document: { ...inner.document, kind: 'mixscope-png', embeddedText: chunk.text } };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail({ code: 'notTextOrPng' });
  }
  return readText(text, options);
}

/** What was pasted (text) or dropped (bytes of a .json or .png file). Never throws. */
export function readTaskDocument(input: string | Uint8Array, options: ReadOptions = {}): ReadResult {
  try {
    return typeof input === 'string' ? readText(input, options) : readBytes(input, options);
  } catch (e) {
    return fail({ code: 'internal', message: e instanceof Error ? e.message : String(e) });
  }
}
