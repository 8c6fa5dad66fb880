import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  CALLBACK_MAX_BODY_BYTES,
  CallbackEnvelopeSchema,
  CallbackEventsQuerySchema,
  envelopeNonce,
  parseEventData,
  parseEventTime,
  type CallbackEventsResponse,
} from '../../shared/callback-api.ts';
import type { ErrorKind } from '../../shared/mixscope-api.ts';
import { sendError } from '../api-errors.ts';
import type { Logger } from '../logger.ts';
import { readCappedBody } from '../read-capped-body.ts';
import type { AppEnv } from '../request-context.ts';
import { appIdAllowed, requireAllowedAppId } from '../security/app-id-allow-list.ts';
import type { CallbackMetrics } from './callback-metrics.ts';
import { createCallbackLimiter, DEFAULT_CALLBACK_RATE, type CallbackRateLimit } from './callback-rate-limit.ts';
import { callbackSignatureValid } from './callback-signature-check.ts';
import type { CallbackStore, NewCallbackEvent } from './callback-store.ts';
import { groupCommit } from './group-commit.ts';

export interface CallbackRouteDeps {
  /** MIXSCOPE_CALLBACK_SECRET; without it the receiver answers 404. */
  secret: string | undefined;
  /** MIXSCOPE_APP_IDS. */
  appIds: readonly string[] | undefined;
  store: CallbackStore;
  /** Told after each newly stored event: applying happens after the answer. */
  stored: () => void;
  now: () => number;
  logger: Logger;
  metrics?: CallbackMetrics;
  rate?: CallbackRateLimit;
}

const LIST_LIMIT = 500;
/** The most callbacks one group write stores: a bound, so one transaction (and the requests behind it) stays short. */
const MAX_WRITE_BATCH = 500;

/**
 * `POST /volcengine/callback` (Volcengine's event callbacks; its signature is the gate, not the
 * dashboard token) and `GET /callback-events` (behind the token), mounted under /api.
 * The receiver stores the envelope verbatim before answering 200 `ok`, then lets the processor
 * apply it; the log never holds the secret or the signature.
 */
export function callbackRoutes(deps: CallbackRouteDeps) {
  const { secret, store, logger } = deps;
  const limiter = createCallbackLimiter(deps.rate ?? DEFAULT_CALLBACK_RATE, deps.now);
  // Callbacks that arrive together are stored in one transaction; each is answered after it.
  const intake = groupCommit<NewCallbackEvent, boolean>((batch) => store.addMany(batch), { maxBatch: MAX_WRITE_BATCH });
  const app = new Hono<AppEnv>();

  const refuse = (c: Context<AppEnv>, status: ContentfulStatusCode, outcome: string, kind: ErrorKind, message: string, extra: Record<string, unknown> = {}) => {
    deps.metrics?.received(outcome);
    logger.warn({ reqId: c.get('requestId'), outcome, status, ...extra }, 'callback refused');
    return sendError(c, status, { kind, message });
  };

  app.post('/volcengine/callback', async (c) => {
    if (secret === undefined) {
      return refuse(c, 404, 'not-configured', 'not-found', 'The Volcengine callback receiver is off: set MIXSCOPE_CALLBACK_SECRET to the SecretKey of the callback configured in the Volcengine console, and restart mixscope.');
    }
    if (!limiter.take()) {
      const wait = Math.max(1, Math.ceil(limiter.retryAfterMs() / 1000));
      deps.metrics?.received('rate-limited');
      logger.warn({ reqId: c.get('requestId'), outcome: 'rate-limited', status: 429 }, 'callback refused');
      return sendError(c, 429, { kind: 'throttled', message: `Too many callbacks at once; retry in ${wait} s.`, retryAfter: wait });
    }
    const declared = Number(c.req.header('content-length') ?? '0');
    const tooLarge = `The callback body is larger than ${CALLBACK_MAX_BODY_BYTES} bytes.`;
    if (declared > CALLBACK_MAX_BODY_BYTES) return refuse(c, 413, 'too-large', 'invalid-input', tooLarge);
    const read = await readCappedBody(c.req.raw.body, CALLBACK_MAX_BODY_BYTES);
    if (!read.ok) return refuse(c, 413, 'too-large', 'invalid-input', tooLarge);
    let rawBody: string;
    let json: unknown;
    try {
      rawBody = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
      json = JSON.parse(rawBody);
    } catch {
      return refuse(c, 400, 'malformed', 'invalid-input', 'The callback body is not JSON (UTF-8). Volcengine sends a JSON object with EventType, EventData, EventTime, EventId, AppId, Version, Nonce and Signature.');
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      return refuse(c, 400, 'malformed', 'invalid-input', 'The callback body must be a JSON object with EventType, EventData, EventTime, EventId, AppId, Version, Nonce and Signature.');
    }
    const signature = (json as { Signature?: unknown }).Signature;
    if (typeof signature !== 'string' || signature.trim() === '') {
      return refuse(c, 401, 'bad-signature', 'unauthorized', 'The callback has no Signature: nothing was stored.');
    }
    const parsed = CallbackEnvelopeSchema.safeParse(json);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? 'body')))].join(', ');
      return refuse(c, 400, 'malformed', 'invalid-input', `The callback is missing or has a bad value in: ${fields}. Each must be a non-empty string as Volcengine sends it.`);
    }
    const envelope = parsed.data;
    const nonce = envelopeNonce(envelope);
    if (nonce === undefined) return refuse(c, 400, 'malformed', 'invalid-input', 'The callback has no Nonce (or Noce).');
    const values = { ...envelope, Nonce: nonce };
    if (!callbackSignatureValid(values, secret, signature)) {
      return refuse(c, 401, 'bad-signature', 'unauthorized', 'The callback Signature does not match: check that MIXSCOPE_CALLBACK_SECRET is the SecretKey of this callback in the Volcengine console. Nothing was stored.', { eventId: envelope.EventId.slice(0, 64) });
    }
    if (!appIdAllowed(deps.appIds, envelope.AppId)) {
      return refuse(c, 403, 'not-allowed', 'invalid-input', `AppId ${JSON.stringify(envelope.AppId)} is not one this mixscope server accepts (MIXSCOPE_APP_IDS); nothing was stored.`, { appId: envelope.AppId });
    }
    const eventTime = parseEventTime(envelope.EventTime);
    if (eventTime === undefined) {
      return refuse(c, 400, 'malformed', 'invalid-input', `EventTime ${JSON.stringify(envelope.EventTime.slice(0, 64))} is not an RFC 3339 date-time such as 2024-01-02T03:04:05Z.`);
    }
    const { facts } = parseEventData(envelope.EventData);
    let created: boolean;
    try {
      created = await intake.add({ envelope, rawBody, eventTime, receivedAt: deps.now(), roomId: facts.roomId, taskId: facts.taskId, userId: facts.userId });
    } catch (err) {
      // Not 200: Volcengine retries, and the event is not lost.
      deps.metrics?.received('failed');
      logger.error({ reqId: c.get('requestId'), eventId: envelope.EventId, err: err instanceof Error ? err.message : String(err) }, 'could not store a callback');
      return sendError(c, 503, { kind: 'internal', message: 'The callback could not be stored; send it again.' });
    }
    const outcome = created ? 'stored' : 'duplicate';
    deps.metrics?.received(outcome);
    logger.info({ reqId: c.get('requestId'), outcome, eventId: envelope.EventId, eventType: envelope.EventType, appId: envelope.AppId, roomId: facts.roomId, taskId: facts.taskId }, 'callback received');
    if (created) deps.stored();
    c.header('Cache-Control', 'no-store');
    return c.text('ok', 200);
  });

  app.get('/callback-events', async (c) => {
    const query = CallbackEventsQuerySchema.safeParse({
      appId: c.req.query('appId'), roomId: c.req.query('roomId'), ...(c.req.query('taskId') !== undefined ? { taskId: c.req.query('taskId') } : {}),
    });
    if (!query.success) {
      return sendError(c, 400, { kind: 'invalid-input', message: 'Give appId and roomId (and optionally taskId), each 1 to 128 of the characters a-z A-Z 0-9 _ @ . -' });
    }
    requireAllowedAppId(deps.appIds, query.data.appId);
    const events = await store.list({ ...query.data, limit: LIST_LIMIT });
    c.header('Cache-Control', 'no-store');
    return c.json({ events } satisfies CallbackEventsResponse);
  });

  return app;
}
