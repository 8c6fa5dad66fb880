import type { ApiVersion } from '../../../../shared/api-versions.ts';

/** The IDs a request body names the task by (the Start/Update bodies' AppId, RoomId, TaskId). */
export interface EditIds {
  AppId: string;
  RoomId: string;
  TaskId: string;
  BusinessId?: string;
}

/**
 * A layout someone asked to edit a copy of: the task document as it was read (Volcengine's
 * object, or the pasted one), never the parsed model, so the edited copy keeps every field as sent.
 */
export interface EditSource {
  task: unknown;
  version: ApiVersion;
  ids: EditIds;
  /** Where it came from, for the editor's title: the task as polled, a past layout, a document read offline. */
  origin: 'task' | 'past' | 'document';
}

/** The IDs mixscope asked the task by, or else those a pasted request body carries. */
export function editIds(ref: { appId?: string | undefined; roomId?: string | undefined; taskId?: string | undefined } | undefined, task: unknown): EditIds {
  const own = (key: string): string => {
    const v = task !== null && typeof task === 'object' ? (task as Record<string, unknown>)[key] : undefined;
    return typeof v === 'string' ? v : '';
  };
  const businessId = own('BusinessId');
  return {
    AppId: ref?.appId ?? own('AppId'),
    RoomId: ref?.roomId ?? own('RoomId'),
    TaskId: ref?.taskId ?? own('TaskId'),
    ...(businessId ? { BusinessId: businessId } : {}),
  };
}
