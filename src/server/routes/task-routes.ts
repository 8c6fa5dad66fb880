import { Hono } from 'hono';
import type { TaskResponse } from '../../shared/mixscope-api.ts';
import { validateTaskRef } from '../../shared/task-ref.ts';
import { sendError, upstreamFailure } from '../api-errors.ts';
import type { UpstreamMode } from '../env.ts';
import type { Logger } from '../logger.ts';
import type { UpstreamClient } from '../upstream-client.ts';

export interface TaskRouteDeps {
  upstream: UpstreamClient;
  source: UpstreamMode;
  logger: Logger;
}

/** GET /api/task?appId&roomId&taskId&userId&version: validated here, so bad input never goes upstream. */
export function taskRoutes({ upstream, source, logger }: TaskRouteDeps) {
  return new Hono().get('/', async (c) => {
    const checked = validateTaskRef({
      appId: c.req.query('appId'),
      roomId: c.req.query('roomId'),
      taskId: c.req.query('taskId'),
      userId: c.req.query('userId'),
      version: c.req.query('version'),
    });
    if (!checked.ok) {
      return sendError(c, 400, {
        kind: 'invalid-input',
        message: checked.issues.map((i) => i.message).join(' '),
        issues: checked.issues,
      });
    }
    const { ref } = checked;
    const outcome = await upstream.getTask(ref, c.req.raw.signal);
    if (outcome.kind !== 'ok') {
      const { status, error } = upstreamFailure(outcome, source === 'simulator' ? 'The embedded simulator' : 'Volcengine');
      logger.warn({ kind: error.kind, status, code: error.upstream?.code, requestId: error.upstream?.requestId, version: ref.version }, error.message);
      return sendError(c, status, error);
    }
    const body: TaskResponse = { ref, fetchedAt: outcome.fetchedAt, source, task: outcome.task };
    if (outcome.requestId !== undefined) body.requestId = outcome.requestId;
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
}
