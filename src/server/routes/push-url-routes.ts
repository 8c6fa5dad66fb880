import { Hono } from 'hono';
import { pushUrlOf } from '../../shared/push-url.ts';
import type { PushUrlResponse } from '../../shared/push-url-api.ts';
import { sendError } from '../api-errors.ts';
import type { AppEnv } from '../request-context.ts';
import { appIdAllowed } from '../security/app-id-allow-list.ts';
import { taskFailure, taskRefOfRequest, type TaskRouteDeps } from './task-routes.ts';

export interface PushUrlRouteDeps extends TaskRouteDeps {
  /** MIXSCOPE_APP_IDS, checked here too: this answer is the one that carries a credential. */
  appIds: readonly string[] | undefined;
}

/**
 * GET /api/task/push-url?<task ref>: the task's full PushURL, which every other answer masks.
 * Asked on purpose only (Reveal, an export with the key included), behind the same token as
 * /api/task; never cached by anyone, and the URL is never logged.
 */
export function pushUrlRoutes({ governor, source, logger, appIds }: PushUrlRouteDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    c.header('Cache-Control', 'no-store');
    const ref = taskRefOfRequest(c);
    if (ref instanceof Response) return ref;
    if (!appIdAllowed(appIds, ref.appId)) {
      const message = `AppId ${JSON.stringify(ref.appId)} is not one this mixscope server may query (MIXSCOPE_APP_IDS). Ask whoever runs it to add the AppId.`;
      return sendError(c, 403, { kind: 'invalid-input', message, issues: [{ field: 'appId', code: 'notAllowed', message }] });
    }
    const { outcome, served, circuit } = await governor.get(ref, { priority: 'interactive', signal: c.req.raw.signal });
    c.set('served', served);
    if (outcome.kind !== 'ok') return taskFailure(c, ref, outcome, circuit, { source, logger });
    c.set('upstreamRequestId', outcome.requestId);
    return c.json({ pushUrl: pushUrlOf(outcome.task) ?? null } satisfies PushUrlResponse);
  });
}
