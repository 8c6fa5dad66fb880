import * as z from 'zod/mini';
import type { ApiVersion } from './api-versions.ts';
import { pushUrlOf, withMaskedPushUrl } from './push-url.ts';

/**
 * What mixscope writes when it exports a task: the JSON file, and the same JSON inside the PNG's
 * text chunk. Reading it back on /inspect gives the same version and the same raw task, hence
 * the same canvas and region table.
 */

export const TASK_EXPORT_FORMAT = 'mixscope-task';

/** The IDs a document names; any of them may be missing (a bare task names none). */
export interface DocumentRef {
  appId?: string;
  roomId?: string;
  taskId?: string;
  userId?: string;
}

/**
 * Whether the task's PushURL holds its stream key. Exports end up in tickets and chats, so the key
 * is masked unless the person exporting chose to include it; the file says which.
 */
export const STREAM_KEY_STATES = ['masked', 'included'] as const;
export type StreamKeyState = (typeof STREAM_KEY_STATES)[number];

export interface TaskExport {
  format: typeof TASK_EXPORT_FORMAT;
  version: ApiVersion;
  ref?: DocumentRef;
  /**
   * ISO 8601, UTC: the moment of the export on the clock the task's times are on (the server's,
   * in task time when the simulator runs accelerated), so that a reopened export measures its
   * durations and ages to the moment they were read.
   */
  exportedAt: string;
  /** Only when the task has a PushURL. */
  streamKey?: StreamKeyState;
  /** Result.PushMixedStreamToCDNTask (or a request body) as it was read, its PushURL masked unless included. */
  task: unknown;
}

export interface ExportSource {
  version: ApiVersion;
  ref?: DocumentRef | undefined;
  task: unknown;
  /** The full PushURL, given only when the person exporting chose to include the stream key. */
  pushUrl?: string | undefined;
}

/** Lenient on purpose: a hand-edited export with a bad ref or version still opens. */
export const TaskExportSchema = z.looseObject({
  format: z.literal(TASK_EXPORT_FORMAT),
  version: z.optional(z.unknown()),
  ref: z.optional(z.unknown()),
  exportedAt: z.optional(z.unknown()),
  streamKey: z.optional(z.unknown()),
  task: z.unknown(),
});

const optionalId = z.catch(z.optional(z.string()), undefined);
const RefSchema = z.object({ appId: optionalId, roomId: optionalId, taskId: optionalId, userId: optionalId });

/** The IDs of an export's `ref`, or of a request body's AppId/RoomId/TaskId; undefined when there are none. */
export function readRef(raw: unknown): DocumentRef | undefined {
  const parsed = RefSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const ref: DocumentRef = {};
  for (const key of ['appId', 'roomId', 'taskId', 'userId'] as const) {
    const value = parsed.data[key];
    if (value !== undefined && value !== '') ref[key] = value;
  }
  return Object.keys(ref).length > 0 ? ref : undefined;
}

export function taskExport(input: ExportSource, now: Date): TaskExport {
  // Key order is the order a person reads the file in: what, which task, when, then the task.
  const ref = input.ref && Object.keys(input.ref).length > 0 ? { ref: input.ref } : {};
  const hasPushUrl = pushUrlOf(input.task) !== undefined;
  const included = hasPushUrl && input.pushUrl !== undefined;
  const task = included ? { ...(input.task as Record<string, unknown>), PushURL: input.pushUrl } : withMaskedPushUrl(input.task);
  const streamKey = hasPushUrl ? { streamKey: included ? 'included' as const : 'masked' as const } : {};
  return { format: TASK_EXPORT_FORMAT, version: input.version, ...ref, exportedAt: now.toISOString(), ...streamKey, task };
}

// A date with a time and a zone (Z or an offset): a time without a zone is read differently by every reader.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** When an export was made (Unix ms); undefined when its `exportedAt` is missing or not an instant. */
export function readExportedAt(raw: unknown): number | undefined {
  if (typeof raw !== 'string' || !ISO_INSTANT.test(raw)) return undefined;
  const ms = Date.parse(raw);
  return Number.isFinite(ms) ? ms : undefined;
}

/** What an export says about its stream key; undefined when it says nothing a reader knows. */
export function readStreamKey(raw: unknown): StreamKeyState | undefined {
  return (STREAM_KEY_STATES as readonly unknown[]).includes(raw) ? (raw as StreamKeyState) : undefined;
}

/** Pretty-printed, so the JSON file and the PNG's chunk read well in the inspector's text box. */
export function serialiseExport(doc: TaskExport): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** `mixscope-<roomId>-<taskId>.png`; characters a file name should not carry become `_`. */
export function exportFileName(ref: DocumentRef | undefined, extension: 'png' | 'json'): string {
  const parts = [ref?.roomId, ref?.taskId ?? ref?.userId].filter((p): p is string => p !== undefined && p !== '');
  const safe = parts.map((p) => p.replace(/[^a-zA-Z0-9_.@-]/g, '_').slice(0, 128));
  return `mixscope-${safe.length > 0 ? safe.join('-') : 'task'}.${extension}`;
}
