import { Hono } from 'hono';
import { TRANSCODE_EVENTS } from '../../shared/callback-api.ts';
import { presenceByUser } from '../../shared/room-presence.ts';
import { callbackTaskIds, TASK_EVENTS_LIMIT, type TaskEventsResponse } from '../../shared/task-events-api.ts';
import { validateTaskRef, type TaskRefInput } from '../../shared/task-ref.ts';
import { sendError } from '../api-errors.ts';
import type { AppEnv } from '../request-context.ts';
import { requireAllowedAppId } from '../security/app-id-allow-list.ts';
import type { CallbackStore } from './callback-store.ts';

export interface TaskEventsRouteDeps {
  store: Pick<CallbackStore, 'list' | 'presence'>;
  /** MIXSCOPE_APP_IDS. */
  appIds: readonly string[] | undefined;
  /** The task clock: callback times and observation times are read against the same now. */
  now: () => number;
}

const REF_FIELDS = ['appId', 'roomId', 'taskId', 'userId', 'version'] as const;

/**
 * `GET /task/events?<task ref>`, mounted under /api: the task's Transcode* callbacks and the
 * presence of each user of its room, for the task page's timeline and layout.
 */
export function taskEventsRoutes(deps: TaskEventsRouteDeps) {
  const app = new Hono<AppEnv>();
  app.get('/task/events', async (c) => {
    const input: TaskRefInput = Object.fromEntries(REF_FIELDS.map((f) => [f, c.req.query(f)]));
    const checked = validateTaskRef(input);
    if (!checked.ok) return sendError(c, 400, { kind: 'invalid-input', message: checked.issues.map((i) => i.message).join(' '), issues: checked.issues });
    const { appId, roomId } = checked.ref;
    requireAllowedAppId(deps.appIds, appId);
    const [newest, facts] = await Promise.all([
      deps.store.list({ appId, roomId, taskIds: callbackTaskIds(checked.ref), eventTypes: TRANSCODE_EVENTS, limit: TASK_EVENTS_LIMIT }),
      deps.store.presence(appId, roomId),
    ]);
    const body: TaskEventsResponse = {
      now: deps.now(),
      events: [...newest].reverse(),
      truncated: newest.length >= TASK_EVENTS_LIMIT,
      presence: presenceByUser(facts),
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
  return app;
}
