import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { ATTENTION } from '../../shared/history-api.ts';
import { FLEET_SORTS, FleetQuerySchema, MAX_STREAM_KEYS, type FleetResponse } from '../../shared/fleet-api.ts';
import { ID_PATTERN, identityOfKey, parseIdentityKey } from '../../shared/task-ref.ts';
import { sendError } from '../api-errors.ts';
import type { AppEnv } from '../request-context.ts';
import { appIdOfKey, requireAllowedAppId } from '../security/app-id-allow-list.ts';
import { remoteAddress } from '../security/attempt-limiter.ts';
import type { EventHub, StreamMessage } from './event-hub.ts';
import { fleetAnswer } from '../../shared/fleet-filter.ts';
import type { FleetSource } from './fleet-source.ts';

export interface FleetRouteDeps {
  source: FleetSource;
  hub: EventHub;
  now: () => number;
  /** MIXSCOPE_APP_IDS: a stream may not name another AppId's task. */
  appIds: readonly string[] | undefined;
  /** A comment line this often keeps proxies from closing a quiet stream. */
  heartbeatMs?: number;
  /** Messages waiting for a slow client before its stream is closed (it resumes with Last-Event-ID). */
  maxBacklog?: number;
}

export const HEARTBEAT_MS = 15_000;
const DEFAULT_BACKLOG = 1_000;
/** How long the browser waits before reconnecting a cut stream. */
const RETRY_MS = 3_000;

const invalid = (c: Context, field: string, message: string) =>
  sendError(c, 400, { kind: 'invalid-input', message, issues: [{ field, code: 'invalid', message }] });

const list = (raw: string | undefined) => (raw === undefined ? [] : raw.split(',').map((s) => s.trim()).filter((s) => s !== ''));


/** GET /tasks (the fleet) and GET /events (Server-Sent Events). Mount under /api. */
export function fleetRoutes(deps: FleetRouteDeps) {
  const { source, hub } = deps;
  const heartbeatMs = deps.heartbeatMs ?? HEARTBEAT_MS;
  const maxBacklog = deps.maxBacklog ?? DEFAULT_BACKLOG;
  const app = new Hono<AppEnv>();

  app.get('/tasks', async (c) => {
    const q = (name: string) => {
      const v = c.req.query(name);
      return v === undefined || v.trim() === '' ? undefined : v.trim();
    };
    const state = list(q('state'));
    const unknownState = state.find((s) => !(ATTENTION as readonly string[]).includes(s));
    if (unknownState !== undefined) return invalid(c, 'state', `state "${unknownState.slice(0, 40)}" is not one of ${ATTENTION.join(', ')} (a comma list of them is fine).`);
    const sort = q('sort');
    if (sort !== undefined && !(FLEET_SORTS as readonly string[]).includes(sort)) return invalid(c, 'sort', `sort "${sort.slice(0, 40)}" is not one of ${FLEET_SORTS.join(', ')}.`);
    const parsed = FleetQuerySchema.safeParse({
      appId: q('appId'), roomId: q('roomId'), stopReason: q('stopReason'), q: q('q'), sort,
      ...(state.length > 0 ? { state } : {}),
    });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'query');
      const message = field === 'q' || field === 'stopReason'
        ? `${field} is too long (at most ${field === 'q' ? 128 : 64} characters).`
        : `${field} must be 1 to 128 of the characters a-z A-Z 0-9 _ @ . -`;
      return invalid(c, field, message);
    }
    if (parsed.data.appId !== undefined) requireAllowedAppId(deps.appIds, parsed.data.appId);
    const body: FleetResponse = fleetAnswer(await source.list(), parsed.data, deps.now());
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });

  app.get('/events', async (c) => {
    // A key that still starts with an API version (an older page) names the same task.
    const keys = list(c.req.query('tasks')).map(identityOfKey);
    const fleet = c.req.query('fleet') === '1';
    const rooms = list(c.req.query('rooms'));
    if (!fleet && keys.length === 0 && rooms.length === 0) return invalid(c, 'tasks', 'Say what this tab shows: fleet=1 for every task, and/or tasks=<key>,<key> (task keys) for some, and/or rooms=<appId|roomId>,… for their rooms\' presence.');
    if (rooms.length > MAX_STREAM_KEYS) return invalid(c, 'rooms', `A stream may name at most ${MAX_STREAM_KEYS} rooms; this one names ${rooms.length}.`);
    const badRoom = rooms.find((r) => { const [appId = '', roomId = '', ...rest] = r.split('|'); return rest.length > 0 || !ID_PATTERN.test(appId) || !ID_PATTERN.test(roomId); });
    if (badRoom !== undefined) return invalid(c, 'rooms', `"${badRoom.slice(0, 80)}" is not a room (appId|roomId).`);
    for (const room of rooms) requireAllowedAppId(deps.appIds, room.split('|')[0] ?? '');
    if (keys.length > MAX_STREAM_KEYS) return invalid(c, 'tasks', `A stream may name at most ${MAX_STREAM_KEYS} tasks; this one names ${keys.length}. Use fleet=1 for all of them.`);
    const bad = keys.find((k) => parseIdentityKey(k) === undefined);
    if (bad !== undefined) return invalid(c, 'tasks', `"${bad.slice(0, 80)}" is not a task key (appId|roomId|taskId|userId, as /api/watch and /api/tasks give them).`);
    for (const key of keys) requireAllowedAppId(deps.appIds, appIdOfKey(key));
    const lastRaw = c.req.header('last-event-id') ?? c.req.query('lastEventId');
    const lastEventId = lastRaw !== undefined && /^\d{1,16}$/.test(lastRaw.trim()) ? Number(lastRaw.trim()) : undefined;
    if (lastRaw !== undefined && lastEventId === undefined) return invalid(c, 'Last-Event-ID', 'Last-Event-ID must be the id of an event this server sent (a whole number).');

    const client = remoteAddress(c.env);
    let pending: StreamMessage[] = [];
    let wake: (() => void) | undefined;
    let ended = false;
    const end = () => {
      ended = true;
      wake?.();
    };
    const opened = hub.open(client, { fleet, keys: new Set(keys), rooms: new Set(rooms) }, (message) => {
      if (pending.length >= maxBacklog) return end();
      pending.push(message);
      wake?.();
    }, { lastEventId, end });
    if (!opened.ok) {
      const message = opened.reason === 'client-cap'
        ? 'This browser already has as many live streams open as one client may; close a few mixscope tabs.'
        : 'The server has as many live streams open as it allows; this page falls back to polling.';
      return sendError(c, 429, { kind: 'throttled', message, retryAfter: 30 });
    }
    pending = [...opened.replay, ...pending];

    // nginx would otherwise buffer the stream and hold every event back until the buffer fills.
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      stream.onAbort(end);
      const heartbeat = setInterval(() => {
        void stream.write(': heartbeat\n\n').catch(end);
      }, heartbeatMs);
      try {
        await stream.write(`retry: ${RETRY_MS}\n\n`);
        while (!ended && !stream.aborted) {
          const batch = pending;
          pending = [];
          for (const message of batch) await stream.writeSSE(message);
          if (pending.length === 0 && !ended) await new Promise<void>((resolve) => { wake = resolve; });
          wake = undefined;
        }
      } finally {
        clearInterval(heartbeat);
        opened.close();
      }
    });
  });

  return app;
}
