import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody } from '../../shared/mixscope-api.ts';
import type { OutputErrorDetail, OutputFailureReason, OutputResponse } from '../../shared/output-api.ts';
import { compareOutput } from '../../shared/output-compare.ts';
import { pushUrlOf } from '../../shared/push-url.ts';
import { buildTaskModel } from '../../shared/task-model.ts';
import { taskRefToSearch } from '../../shared/task-ref.ts';
import { sendError } from '../api-errors.ts';
import type { OutputPuller } from '../output/output-puller.ts';
import type { OutputRelay } from '../output/output-relay.ts';
import { derivePullUrl, type PullRule } from '../output/pull-rules.ts';
import type { AppEnv } from '../request-context.ts';
import { taskFailure, taskRefOfRequest, type TaskRouteDeps } from './task-routes.ts';

export interface OutputRouteDeps extends TaskRouteDeps {
  puller: OutputPuller;
  relay: OutputRelay;
  pullRules: readonly PullRule[];
  allowed: (url: URL) => boolean;
  now: () => number;
}

const STATUS: Record<OutputFailureReason, ContentfulStatusCode> = {
  'pull-host-not-allowed': 403, 'bad-pull-url': 400, 'no-pull-rule': 404, 'no-push-url': 422, 'cdn-http-error': 502, 'redirect-refused': 502,
  'unreachable': 504, 'timeout': 504, 'too-large': 502, 'not-flv': 502, 'no-video': 502, 'not-h264': 502, 'bad-bitstream': 502,
  'no-keyframe': 502, 'no-sei': 502, 'sei-not-json': 502,
};

function kindOf(reason: OutputFailureReason): ApiErrorBody['error']['kind'] {
  if (reason === 'pull-host-not-allowed' || reason === 'bad-pull-url') return 'invalid-input';
  if (reason === 'no-pull-rule' || reason === 'no-push-url') return 'not-found';
  if (reason === 'unreachable' || reason === 'timeout') return 'unreachable';
  return 'bad-upstream-body';
}

function outputError(c: Context, reason: OutputFailureReason, message: string, detail: Omit<OutputErrorDetail, 'reason'> = {}) {
  return sendError(c, STATUS[reason], { kind: kindOf(reason), message, output: { reason, ...detail } });
}

/** The typed &pullUrl=, checked before anything is asked or fetched; a Response is the refusal. */
function typedPullUrl(c: Context, raw: string, allowed: (url: URL) => boolean): URL | Response {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return outputError(c, 'bad-pull-url', 'pullUrl is not a URL. Give the full HTTP-FLV address, e.g. https://pull.example.com/live/stream.flv.');
  }
  if (!allowed(url)) {
    const host = /^https?:$/.test(url.protocol) ? url.host : '';
    const what = host === '' ? `it is not http or https` : url.username !== '' || url.password !== '' ? 'it carries a user name or password' : `its host ${host} is not one this server reads outputs from`;
    return outputError(c, 'pull-host-not-allowed', `That pull URL is refused: ${what}. To allow a host, whoever runs mixscope adds it to MIXSCOPE_PULL_HOSTS (or a rule to MIXSCOPE_PULL_RULES) and restarts the server.`, host === '' ? {} : { pullHost: host });
  }
  return url;
}

/**
 * The task and the URL its output is read from: the typed &pullUrl= (checked before anything is
 * asked or fetched) or the one the pull rules derive from its PushURL. A Response is the refusal.
 */
async function resolvePull(c: Context<AppEnv>, deps: OutputRouteDeps) {
  const { governor, source, logger, pullRules, allowed } = deps;
  const ref = taskRefOfRequest(c);
  if (ref instanceof Response) return ref;
  const typedRaw = c.req.query('pullUrl');
  const typed = typedRaw === undefined || typedRaw === '' ? undefined : typedPullUrl(c, typedRaw, allowed);
  if (typed instanceof Response) return typed;
  const { outcome, served, circuit } = await governor.get(ref, { priority: 'interactive', signal: c.req.raw.signal });
  c.set('served', served);
  if (outcome.kind !== 'ok') return taskFailure(c, ref, outcome, circuit, { source, logger });
  let url = typed;
  if (url === undefined) {
    const derived = derivePullUrl(pushUrlOf(outcome.task), pullRules);
    if (!derived.ok) return outputError(c, derived.reason, derived.message);
    url = derived.url;
    // A rule's own host is allowed by construction; checked again so nothing else is ever read.
    if (!allowed(url)) return outputError(c, 'pull-host-not-allowed', 'The pull rule gives a URL this server may not read.', { pullHost: url.host });
  }
  return { ref, task: outcome.task, url, typed: typed !== undefined, key: `${taskRefToSearch(ref)}\n${url.href}` };
}

/**
 * GET /api/task/output?<task ref>[&pullUrl=]: the layout the mixer applied, the output's facts
 * and how both differ from what the task declares, read by this server from the task's HTTP-FLV
 * output. GET /api/task/output/stream: the output itself for the browser's player, relayed.
 * The pull URL is never echoed or logged (it may hold the CDN's auth); only its host goes out.
 */
export function outputRoutes(deps: OutputRouteDeps) {
  const { logger, puller, relay, now } = deps;
  return new Hono<AppEnv>().get('/', async (c) => {
    c.header('Cache-Control', 'no-store');
    const pull = await resolvePull(c, deps);
    if (pull instanceof Response) return pull;
    const { ref, url } = pull;
    const pullHost = url.host;
    const reading = await puller.read(pull.key, url, c.req.raw.signal);
    if (!reading.ok) {
      logger.warn({ reqId: c.get('requestId'), pullHost, reason: reading.reason, httpStatus: reading.httpStatus, bytesRead: reading.bytesRead }, 'output read failed');
      return outputError(c, reading.reason, reading.message, {
        pullHost, bytesRead: reading.bytesRead, ...(reading.httpStatus !== undefined ? { httpStatus: reading.httpStatus } : {}),
      });
    }
    const body: OutputResponse = {
      ref, pullHost, pullUrlFrom: pull.typed ? 'typed' : 'rule', readAt: now(), bytesRead: reading.bytesRead,
      mediaMs: reading.mediaMs, applied: reading.applied, stream: reading.stream,
      // Against the task as fetched for this answer: declared and applied are a moment apart at most.
      comparison: compareOutput(buildTaskModel(pull.task, ref.version), reading),
    };
    return c.json(body);
  }).get('/stream', async (c) => {
    c.header('Cache-Control', 'no-store');
    const pull = await resolvePull(c, deps);
    if (pull instanceof Response) return pull;
    const pullHost = pull.url.host;
    const opening = await relay.open(pull.key, pull.url, c.req.raw.signal);
    if (!opening.ok) {
      logger.warn({ reqId: c.get('requestId'), pullHost, reason: opening.reason, httpStatus: opening.httpStatus, bytesRead: opening.bytesRead }, 'output relay failed');
      return outputError(c, opening.reason, opening.message, {
        pullHost, bytesRead: opening.bytesRead, ...(opening.httpStatus !== undefined ? { httpStatus: opening.httpStatus } : {}),
      });
    }
    return c.body(opening.body, 200, { 'Content-Type': 'video/x-flv', 'X-Content-Type-Options': 'nosniff' });
  });
}
