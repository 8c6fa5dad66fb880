import { ID_PATTERN } from '../shared/task-ref.ts';
import { roomsAt, type SimRoom } from './room-model.ts';
import { errorResponse, fail, okResponse, type RequestMeta, type SimFailure } from './sim-errors.ts';
import type { TaskScript } from './sim-types.ts';

/**
 * ListRoomInfo and GetRoomOnlineUsers (docs 1186715, 1188355), answered from the scenarios'
 * rooms at the task clock's now, with the documented limits: at most 14 days back, at most 24 h
 * per query, at most 100 rooms a page.
 */

export const ROOM_ACTION_VERSIONS = {
  ListRoomInfo: ['2023-11-01', '2020-12-01'],
  GetRoomOnlineUsers: ['2023-11-01', '2023-08-01'],
} as const;

const HOUR = 60 * 60 * 1000;
export const MAX_QUERY_SPAN_MS = 24 * HOUR;
export const MAX_LOOKBACK_MS = 14 * 24 * HOUR;
export const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;
/** RFC 3339 with a zone: what the docs show (e.g. 2023-05-08T17:35:00+08:00). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export interface RoomContext {
  meta: RequestMeta;
  params: URLSearchParams;
  scripts: readonly TaskScript[];
  taskNow: number;
}

type Read<T> = { ok: true; value: T } | { ok: false; failure: SimFailure };
const bad = (message: string): { ok: false; failure: SimFailure } => ({ ok: false, failure: fail('InvalidParameter', message) });

function text(params: URLSearchParams, key: string): string | undefined {
  const v = params.get(key);
  return v === null || v === '' ? undefined : v;
}

function readId(params: URLSearchParams, key: string, required: boolean): Read<string | undefined> {
  const v = text(params, key);
  if (v === undefined) return required ? { ok: false, failure: fail('MissingParameter', `${key} is required.`) } : { ok: true, value: undefined };
  if (!ID_PATTERN.test(v)) return bad(`${key} must be 1 to 128 characters of a-z, A-Z, 0-9, _, @, . and -.`);
  return { ok: true, value: v };
}

function readTime(params: URLSearchParams, key: string): Read<number> {
  const v = text(params, key);
  if (v === undefined) return { ok: false, failure: fail('MissingParameter', `${key} is required (RFC 3339, e.g. 2025-01-02T10:00:00+08:00).`) };
  const ms = RFC3339.test(v) ? Date.parse(v) : NaN;
  if (!Number.isFinite(ms)) return bad(`${key} must be an RFC 3339 time such as 2025-01-02T10:00:00+08:00, got ${JSON.stringify(v.slice(0, 40))}.`);
  return { ok: true, value: ms };
}

function readInt(params: URLSearchParams, key: string, fallback: number, min: number, max: number): Read<number> {
  const v = text(params, key);
  if (v === undefined) return { ok: true, value: fallback };
  const n = /^\d{1,6}$/.test(v) ? Number(v) : NaN;
  if (!(n >= min && n <= max)) return bad(`${key} must be a whole number from ${min} to ${max}, got ${JSON.stringify(v.slice(0, 20))}.`);
  return { ok: true, value: n };
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function roomInfo(room: SimRoom): Record<string, unknown> {
  return {
    CallId: room.callId, RoomId: room.roomId, CreatedTime: iso(room.createdAt),
    DestroyTime: room.destroyedAt === 0 ? '' : iso(room.destroyedAt),
    ActiveUserNum: room.users.length, IsFinished: room.destroyedAt !== 0,
  };
}

export function listRoomInfo(ctx: RoomContext): Response {
  const { params, meta, taskNow } = ctx;
  const appId = readId(params, 'AppId', true);
  if (!appId.ok) return errorResponse(meta, appId.failure);
  const start = readTime(params, 'StartTime');
  if (!start.ok) return errorResponse(meta, start.failure);
  const end = readTime(params, 'EndTime');
  if (!end.ok) return errorResponse(meta, end.failure);
  if (end.value <= start.value) return errorResponse(meta, fail('InvalidParameter', 'EndTime must be later than StartTime.'));
  if (end.value - start.value > MAX_QUERY_SPAN_MS) return errorResponse(meta, fail('InvalidParameter', 'StartTime to EndTime spans more than 24 hours; query at most 24 hours at a time.'));
  if (start.value < taskNow - MAX_LOOKBACK_MS) return errorResponse(meta, fail('InvalidParameter', 'StartTime is more than 14 days ago; rooms can be listed for the last 14 days only.'));
  const roomId = readId(params, 'RoomId', false);
  if (!roomId.ok) return errorResponse(meta, roomId.failure);
  const pageNum = readInt(params, 'PageNum', 1, 1, 100_000);
  if (!pageNum.ok) return errorResponse(meta, pageNum.failure);
  const pageSize = readInt(params, 'PageSize', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  if (!pageSize.ok) return errorResponse(meta, pageSize.failure);
  // A room counts when it was alive at some moment of the window.
  const rooms = roomsAt(ctx.scripts, taskNow).filter((r) => r.appId === appId.value
    && (roomId.value === undefined || r.roomId === roomId.value)
    && r.createdAt <= end.value && (r.destroyedAt === 0 || r.destroyedAt >= start.value));
  const from = (pageNum.value - 1) * pageSize.value;
  const page = rooms.slice(from, from + pageSize.value);
  return okResponse(meta, { Total: rooms.length, HasMore: from + page.length < rooms.length, RoomList: page.map(roomInfo) });
}

export function getRoomOnlineUsers(ctx: RoomContext): Response {
  const { params, meta } = ctx;
  const appId = readId(params, 'AppId', true);
  if (!appId.ok) return errorResponse(meta, appId.failure);
  const roomId = readId(params, 'RoomId', true);
  if (!roomId.ok) return errorResponse(meta, roomId.failure);
  const room = roomsAt(ctx.scripts, ctx.taskNow).find((r) => r.appId === appId.value && r.roomId === roomId.value && r.destroyedAt === 0);
  const users = room?.users ?? [];
  return okResponse(meta, { RoomExists: room !== undefined, TotalUser: users.length, TotalInvisibleUser: 0, VisibleUserList: users, InvisibleUserList: [] });
}
