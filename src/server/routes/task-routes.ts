import { Hono, type Context } from 'hono';
import type { TaskResponse } from '../../shared/mixscope-api.ts';
import { maskUrlsIn, withMaskedPushUrl } from '../../shared/push-url.ts';
import { validateTaskRef, type TaskRef } from '../../shared/task-ref.ts';
import { governedFailure, sendError } from '../api-errors.ts';
import type { UpstreamMode } from '../env.ts';
import type { CircuitSnapshot } from '../governor/circuit-breaker.ts';
import type { GovernedOutcome, Governor } from '../governor/governor.ts';
import type { Logger } from '../logger.ts';
import type { UpstreamOutcome } from '../upstream-client.ts';
import type { AppEnv } from '../request-context.ts';

export interface TaskRouteDeps {
  governor: Pick<Governor, 'get'>;
  source: UpstreamMode;
  logger: Logger;
  /** Task time (the history's clock), sent as `now` so the page measures durations against it. */
  taskNow?: () => number;
}

/**
 * What GET /api/task answers for a task Volcengine returned (and what a /task page is rendered
 * from). The PushURL goes out masked: its stream key is a credential for the customer's CDN, and
 * this answer lands in pages, exports and tickets. GET /api/task/push-url gives it on purpose.
 */
export function taskResponseOf(ref: TaskRef, outcome: Extract<UpstreamOutcome, { kind: 'ok' }>, source: UpstreamMode, now?: number): TaskResponse {
  const body: TaskResponse = { ref, fetchedAt: outcome.fetchedAt, source, task: withMaskedPushUrl(outcome.task) };
  if (now !== undefined) body.now = now;
  if (outcome.requestId !== undefined) body.requestId = outcome.requestId;
  return body;
}

/**
 * The task reference of a request, validated here so bad input never goes upstream. Only the five
 * known parameters are read: nothing a caller sends can choose the Action, Version beyond the
 * three, host or path. A Response is the 400 to send.
 */
export function taskRefOfRequest(c: Context): TaskRef | Response {
  const checked = validateTaskRef({
    appId: c.req.query('appId'),
    roomId: c.req.query('roomId'),
    taskId: c.req.query('taskId'),
    userId: c.req.query('userId'),
    version: c.req.query('version'),
  });
  if (checked.ok) return checked.ref;
  return sendError(c, 400, {
    kind: 'invalid-input',
    message: checked.issues.map((i) => i.message).join(' '),
    issues: checked.issues,
  });
}

/** A governed failure as the answer to send, logged; an upstream message may quote the push URL, so URLs in it are masked. */
export function taskFailure(
  c: Context<AppEnv>, ref: TaskRef, outcome: Exclude<GovernedOutcome, { kind: 'ok' }>, circuit: CircuitSnapshot,
  { source, logger }: Pick<TaskRouteDeps, 'source' | 'logger'>,
) {
  const failure = governedFailure(outcome, circuit, source === 'simulator' ? 'The embedded simulator' : 'Volcengine');
  const { status } = failure;
  const error = { ...failure.error, message: maskUrlsIn(failure.error.message) };
  if (error.upstream) error.upstream = { ...error.upstream, message: maskUrlsIn(error.upstream.message) };
  // The browser went away: nobody reads this answer and it says nothing about upstream.
  if (outcome.kind === 'unreachable' && outcome.reason === 'aborted') return sendError(c, status, error);
  c.set('upstreamRequestId', error.upstream?.requestId);
  logger.warn({
    reqId: c.get('requestId'), kind: error.kind, status, code: error.upstream?.code, upstreamRequestId: error.upstream?.requestId,
    version: ref.version, circuit: circuit.state, unreachableSince: error.unreachableSince,
  }, error.message);
  return sendError(c, status, error);
}

/** GET /api/task?appId&roomId&taskId&userId&version, through the governor at interactive priority. */
export function taskRoutes({ governor, source, logger, taskNow }: TaskRouteDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const ref = taskRefOfRequest(c);
    if (ref instanceof Response) return ref;
    const { outcome, served, circuit } = await governor.get(ref, { priority: 'interactive', signal: c.req.raw.signal });
    c.set('served', served);
    c.header('X-Mixscope-Served', served);
    if (outcome.kind !== 'ok') return taskFailure(c, ref, outcome, circuit, { source, logger });
    c.set('upstreamRequestId', outcome.requestId);
    const body = taskResponseOf(ref, outcome, source, taskNow?.());
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
}
