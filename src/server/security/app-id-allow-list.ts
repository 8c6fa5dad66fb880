import type { Context, MiddlewareHandler } from 'hono';
import { sendError } from '../api-errors.ts';

/**
 * MIXSCOPE_APP_IDS: when set, the server queries, watches and shows history only for these
 * AppIds, so a shared dashboard cannot be pointed at another team's applications with the same
 * account keys. Checked where an AppId enters: the task query, the watch list, the history.
 */
export function appIdAllowed(list: readonly string[] | undefined, appId: string): boolean {
  return list === undefined || list.includes(appId.trim());
}

export function notAllowed(c: Context, appId: string) {
  const message = `AppId ${JSON.stringify(appId.slice(0, 128))} is not one this mixscope server may query (MIXSCOPE_APP_IDS). Ask whoever runs it to add the AppId.`;
  return sendError(c, 403, { kind: 'invalid-input', message, issues: [{ field: 'appId', code: 'notAllowed', message }] });
}

/** The AppId inside a task key `version|appId|roomId|taskId|userId` (DELETE /api/watch?key=). */
const appIdOfKey = (key: string) => key.split('|')[1];

const GUARDED = new Set(['/api/task', '/api/history', '/api/watch', '/api/simulator/faults']);

export function appIdGuard(list: readonly string[] | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (list === undefined || !GUARDED.has(c.req.path)) return next();
    const candidates: (string | undefined)[] = [c.req.query('appId')];
    const key = c.req.query('key');
    if (key !== undefined) candidates.push(appIdOfKey(key));
    if (c.req.method === 'POST') {
      // Hono keeps the parsed body, so the route reads it again for free.
      const body: unknown = await c.req.json().catch(() => undefined);
      if (typeof body === 'object' && body !== null && 'appId' in body && typeof body.appId === 'string') candidates.push(body.appId);
    }
    const bad = candidates.find((id) => id !== undefined && id.trim() !== '' && !appIdAllowed(list, id));
    return bad === undefined ? next() : notAllowed(c, bad);
  };
}
