import { API_VERSIONS, DEFAULT_API_VERSION, isApiVersion, type ApiVersion } from './api-versions.ts';

/** Identifies one push task for GetPushMixedStreamToCDNTask. */
export interface TaskRef {
  appId: string;
  roomId: string;
  /** Server tasks: the TaskId. Client tasks: `userId@@taskId`, or just the UserId. */
  taskId?: string;
  userId?: string;
  version: ApiVersion;
}

export const ID_PATTERN = /^[a-zA-Z0-9_@.-]{1,128}$/;
export const ID_MAX_LENGTH = 128;

export type TaskRefField = 'appId' | 'roomId' | 'taskId' | 'userId' | 'version';
export type FieldIssueCode = 'required' | 'tooLong' | 'charset' | 'needTaskOrUser' | 'unknownVersion';

export interface FieldIssue {
  field: TaskRefField;
  code: FieldIssueCode;
  /** English text; the client translates by `code`. */
  message: string;
}

/** Raw, untrusted input: a form, a query string, a JSON body. */
export type TaskRefInput = Partial<Record<TaskRefField, string | null | undefined>>;

export type TaskRefResult = { ok: true; ref: TaskRef } | { ok: false; issues: FieldIssue[] };

const LABELS: Record<TaskRefField, string> = {
  appId: 'AppId',
  roomId: 'RoomId',
  taskId: 'TaskId',
  userId: 'UserId',
  version: 'API version',
};

function checkId(field: TaskRefField, value: string): FieldIssue | undefined {
  if (value.length > ID_MAX_LENGTH) {
    return { field, code: 'tooLong', message: `${LABELS[field]} is ${value.length} characters long; the limit is ${ID_MAX_LENGTH}.` };
  }
  if (!ID_PATTERN.test(value)) {
    const bad = [...new Set([...value].filter((ch) => !/[a-zA-Z0-9_@.-]/.test(ch)))].slice(0, 5);
    const shown = bad.map((ch) => (ch === ' ' ? 'space' : JSON.stringify(ch))).join(', ');
    return {
      field,
      code: 'charset',
      message: `${LABELS[field]} may only contain letters, digits and _ @ . - (found ${shown}).`,
    };
  }
  return undefined;
}

/**
 * Checks a task reference before anything is sent upstream. Used by the query form, by deep links
 * and by the server, so all three say the same thing about the same input.
 */
export function validateTaskRef(input: TaskRefInput): TaskRefResult {
  const issues: FieldIssue[] = [];
  const clean = (v: string | null | undefined) => (typeof v === 'string' ? v.trim() : '');
  const appId = clean(input.appId);
  const roomId = clean(input.roomId);
  const taskId = clean(input.taskId);
  const userId = clean(input.userId);
  const versionText = clean(input.version);

  for (const [field, value] of [['appId', appId], ['roomId', roomId]] as const) {
    if (value === '') issues.push({ field, code: 'required', message: `${LABELS[field]} is required.` });
    else {
      const issue = checkId(field, value);
      if (issue) issues.push(issue);
    }
  }
  if (taskId === '' && userId === '') {
    issues.push({
      field: 'taskId',
      code: 'needTaskOrUser',
      message: 'Give a TaskId, a UserId or both. For a client-started task use userId@@taskId, or the UserId alone for that user\'s first task.',
    });
  }
  for (const [field, value] of [['taskId', taskId], ['userId', userId]] as const) {
    if (value !== '') {
      const issue = checkId(field, value);
      if (issue) issues.push(issue);
    }
  }
  let version: ApiVersion = DEFAULT_API_VERSION;
  if (versionText !== '') {
    if (isApiVersion(versionText)) version = versionText;
    else {
      issues.push({
        field: 'version',
        code: 'unknownVersion',
        message: `API version "${versionText.slice(0, 40)}" is not one of ${API_VERSIONS.join(', ')}.`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const ref: TaskRef = { appId, roomId, version };
  if (taskId !== '') ref.taskId = taskId;
  if (userId !== '') ref.userId = userId;
  return { ok: true, ref };
}

/** The deep link of PRODUCT.md: /task?appId=A&roomId=R&taskId=T&userId=U[&version=V]. */
export function taskRefToSearch(ref: TaskRef): string {
  const params = new URLSearchParams({ appId: ref.appId, roomId: ref.roomId });
  if (ref.taskId !== undefined) params.set('taskId', ref.taskId);
  if (ref.userId !== undefined) params.set('userId', ref.userId);
  if (ref.version !== DEFAULT_API_VERSION) params.set('version', ref.version);
  return params.toString();
}

export function taskRefFromSearch(search: string): TaskRefResult {
  const params = new URLSearchParams(search);
  return validateTaskRef({
    appId: params.get('appId'),
    roomId: params.get('roomId'),
    taskId: params.get('taskId'),
    userId: params.get('userId'),
    version: params.get('version'),
  });
}

/**
 * A stable string key for one question asked upstream: caches and coalescing. The version is part
 * of it, because each version answers with its own Layout units.
 */
export function taskRefKey(ref: TaskRef): string {
  return [ref.version, ref.appId, ref.roomId, ref.taskId ?? '', ref.userId ?? ''].join('|');
}

/**
 * One task, whichever API version it is asked with: `appId|roomId|taskId|userId`, the key of the
 * watch list, the fleet, the history and the event stream. Callbacks carry no version, and a
 * sweep, a callback and a person may name the same task under different ones; the version is an
 * attribute of the row, not part of what the row is.
 */
export function taskIdentityKey(ref: Pick<TaskRef, 'appId' | 'roomId' | 'taskId' | 'userId'>): string {
  return [ref.appId, ref.roomId, ref.taskId ?? '', ref.userId ?? ''].join('|');
}

/**
 * A task key as it may arrive (a bookmarked link, a store written before keys dropped the
 * version): `version|appId|roomId|taskId|userId` becomes the identity key; anything else is
 * returned as it is, for the caller to check.
 */
export function identityOfKey(key: string): string {
  const parts = key.split('|');
  return parts.length === 5 && isApiVersion(parts[0]) ? parts.slice(1).join('|') : key;
}

/** The parts of an identity key, or undefined when it is not one (ids checked by ID_PATTERN). */
export function parseIdentityKey(key: string): { appId: string; roomId: string; taskId: string; userId: string } | undefined {
  const parts = key.split('|');
  if (parts.length !== 4) return undefined;
  const [appId = '', roomId = '', taskId = '', userId = ''] = parts;
  const id = (s: string) => ID_PATTERN.test(s);
  if (!id(appId) || !id(roomId) || (taskId === '' && userId === '')) return undefined;
  if ((taskId !== '' && !id(taskId)) || (userId !== '' && !id(userId))) return undefined;
  return { appId, roomId, taskId, userId };
}
