import { Hono, type Context } from 'hono';
import {
  LABEL_MAX_LENGTH, type GapError, type HistoryResponse, type Observation, type WatchedTask, type WatchListResponse,
} from '../../shared/history-api.ts';
import { maskUrlsIn, withMaskedPushUrl } from '../../shared/push-url.ts';
import { identityOfKey, taskIdentityKey, validateTaskRef, type FieldIssue, type TaskRefInput } from '../../shared/task-ref.ts';
import { sendError } from '../api-errors.ts';
import type { HistoryStore } from '../history/history-store.ts';
import { countByAttention, sortByAttention, toWatchedTask } from '../history/watch-view.ts';
import type { Watcher } from '../watcher/watcher.ts';

export interface HistoryRouteDeps {
  store: Pick<HistoryStore, 'listWatched' | 'getWatched' | 'history' | 'reconnectCounts'>;
  /** Adding and removing go through the watcher, so polling starts and stops at once. */
  watcher: Pick<Watcher, 'watch' | 'unwatch'>;
  clock: () => number;
  /** Each watched task costs up to 0.5 QPS while it starts; the cap keeps the budget meaningful. */
  maxWatched?: number;
}

export const DEFAULT_MAX_WATCHED = 200;

const REF_FIELDS = ['appId', 'roomId', 'taskId', 'userId', 'version'] as const;

function invalid(c: Context, issues: { field: string; code: string; message: string }[]) {
  return sendError(c, 400, { kind: 'invalid-input', message: issues.map((i) => i.message).join(' '), issues });
}

const refInputFromQuery = (c: Context): TaskRefInput =>
  Object.fromEntries(REF_FIELDS.map((f) => [f, c.req.query(f)]));

/** Optional whole-number query parameter; `null` when present but not a number. */
function intParam(c: Context, name: string): number | undefined | null {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  return /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

const maskedGap = (error: GapError | null): GapError | null => error && { ...error, message: maskUrlsIn(error.message) };

/**
 * The store keeps what Volcengine sent, stream key included (the server's own record); what goes
 * out has the PushURL masked, in payloads and in upstream messages that may quote it.
 */
const maskedObservation = (o: Observation): Observation => ({ ...o, payload: withMaskedPushUrl(o.payload), error: maskedGap(o.error) });
const maskedWatched = (t: WatchedTask): WatchedTask => ({ ...t, lastError: maskedGap(t.lastError) });

/**
 * GET/POST/DELETE /api/watch and GET /api/history. Mount with `app.route('/api', historyRoutes(deps))`
 * before the /api/* catch-all.
 */
export function historyRoutes({ store, watcher, clock, maxWatched = DEFAULT_MAX_WATCHED }: HistoryRouteDeps) {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/watch', async (c) => {
    const [records, reconnects] = await Promise.all([store.listWatched(), store.reconnectCounts()]);
    const tasks = sortByAttention(records.map((r) => maskedWatched(toWatchedTask(r, reconnects.get(r.key) ?? 0))));
    return c.json({ now: clock(), tasks, counts: countByAttention(tasks) } satisfies WatchListResponse);
  });

  app.post('/watch', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return invalid(c, [{ field: 'body', code: 'json', message: 'Send the task reference as a JSON object.' }]);
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return invalid(c, [{ field: 'body', code: 'json', message: 'Send the task reference as a JSON object.' }]);
    }
    const fields = body as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const checked = validateTaskRef(Object.fromEntries(REF_FIELDS.map((f) => [f, text(fields[f])])));
    const issues: { field: string; code: string; message: string }[] = checked.ok ? [] : [...checked.issues];
    const label = text(fields['label'])?.trim() || undefined;
    if (label !== undefined && label.length > LABEL_MAX_LENGTH) {
      issues.push({ field: 'label', code: 'tooLong', message: `The label is ${label.length} characters long; the limit is ${LABEL_MAX_LENGTH}.` });
    }
    if (!checked.ok || issues.length > 0) return invalid(c, issues);

    const key = taskIdentityKey(checked.ref);
    if ((await store.getWatched(key)) === undefined && (await store.listWatched()).length >= maxWatched) {
      return sendError(c, 409, {
        kind: 'invalid-input',
        message: `The watch list already holds ${maxWatched} tasks, the most the upstream budget can poll well. Remove ended tasks first.`,
      });
    }
    const { task, created } = await watcher.watch(checked.ref, label === undefined ? {} : { label });
    const reconnects = (await store.reconnectCounts(key)).get(key) ?? 0;
    return c.json({ created, task: maskedWatched(toWatchedTask(task, reconnects)) }, created ? 201 : 200);
  });

  app.delete('/watch', async (c) => {
    // A key that still starts with an API version (an older page) names the same task.
    let key = c.req.query('key') === undefined ? undefined : identityOfKey(c.req.query('key') ?? '');
    if (key === undefined || key === '') {
      const checked = validateTaskRef(refInputFromQuery(c));
      if (!checked.ok) return invalid(c, checked.issues satisfies FieldIssue[]);
      key = taskIdentityKey(checked.ref);
    }
    if (!(await watcher.unwatch(key))) {
      return sendError(c, 404, { kind: 'not-found', message: 'That task is not on the watch list.' });
    }
    return c.json({ removed: true, key });
  });

  app.get('/history', async (c) => {
    const checked = validateTaskRef(refInputFromQuery(c));
    if (!checked.ok) return invalid(c, checked.issues);
    const range = { from: intParam(c, 'from'), to: intParam(c, 'to'), limit: intParam(c, 'limit') };
    const bad = Object.entries(range).filter(([, v]) => v === null).map(([field]) => ({
      field, code: 'number', message: `${field} must be a whole number${field === 'limit' ? '' : ' of Unix milliseconds'}.`,
    }));
    if (bad.length > 0) return invalid(c, bad);
    const key = taskIdentityKey(checked.ref);
    const query: { from?: number; to?: number; limit?: number } = {};
    if (range.from != null) query.from = range.from;
    if (range.to != null) query.to = range.to;
    if (range.limit != null) query.limit = range.limit;
    const [page, watched, reconnects] = await Promise.all([store.history(key, query), store.getWatched(key), store.reconnectCounts(key)]);
    const body: HistoryResponse = {
      key,
      ref: checked.ref,
      now: clock(),
      watched: watched === undefined ? null : maskedWatched(toWatchedTask(watched, reconnects.get(key) ?? 0)),
      observations: page.observations.map(maskedObservation),
      baseline: page.baseline && maskedObservation(page.baseline),
      truncated: page.truncated,
    };
    return c.json(body);
  });

  return app;
}
