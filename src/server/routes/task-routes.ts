import { Hono } from 'hono';
import type { TaskResponse } from '../../shared/mixscope-api.ts';
import { validateTaskRef, type TaskRef } from '../../shared/task-ref.ts';
import { governedFailure, sendError } from '../api-errors.ts';
import type { UpstreamMode } from '../env.ts';
import type { Governor } from '../governor/governor.ts';
import type { Logger } from '../logger.ts';
import type { UpstreamOutcome } from '../upstream-client.ts';
import type { AppEnv } from '../request-context.ts';

export interface TaskRouteDeps {
  governor: Pick<Governor, 'get'>;
  source: UpstreamMode;
  logger: Logger;
}

/** What GET /api/task answers for a task Volcengine returned (and what a /task page is rendered from). */
export function taskResponseOf(ref: TaskRef, outcome: Extract<UpstreamOutcome, { kind: 'ok' }>, source: UpstreamMode): TaskResponse {
  const body: TaskResponse = { ref, fetchedAt: outcome.fetchedAt, source, task: outcome.task };
  if (outcome.requestId !== undefined) body.requestId = outcome.requestId;
  return body;
}

/**
 * GET /api/task?appId&roomId&taskId&userId&version: validated here, so bad input never goes
 * upstream; then through the governor at interactive priority. Only the five known parameters
 * are read: nothing a caller sends can choose the Action, Version beyond the three, host or path.
 */
export function taskRoutes({ governor, source, logger }: TaskRouteDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
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
    const { outcome, served, circuit } = await governor.get(ref, { priority: 'interactive', signal: c.req.raw.signal });
    c.set('served', served);
    c.header('X-Mixscope-Served', served);
    if (outcome.kind !== 'ok') {
      const { status, error } = governedFailure(outcome, circuit, source === 'simulator' ? 'The embedded simulator' : 'Volcengine');
      // The browser went away: nobody reads this answer and it says nothing about upstream.
      if (outcome.kind === 'unreachable' && outcome.reason === 'aborted') return sendError(c, status, error);
      c.set('upstreamRequestId', error.upstream?.requestId);
      logger.warn({
        reqId: c.get('requestId'), kind: error.kind, status, code: error.upstream?.code, upstreamRequestId: error.upstream?.requestId,
        version: ref.version, circuit: circuit.state, unreachableSince: error.unreachableSince,
      }, error.message);
      return sendError(c, status, error);
    }
    c.set('upstreamRequestId', outcome.requestId);
    const body = taskResponseOf(ref, outcome, source);
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
}
