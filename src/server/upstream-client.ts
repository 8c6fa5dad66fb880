import { checkJsonShape, describeJsonShapeProblem } from '../shared/json-shape.ts';
import type { UpstreamError } from '../shared/mixscope-api.ts';
import type { TaskRef } from '../shared/task-ref.ts';
import { interpretEnvelope } from '../shared/volc-envelope.ts';
import { signRequest, type VolcCredentials } from '../shared/volc-signature.ts';
import { readCappedBody } from './read-capped-body.ts';
import { createRoomClient, type RoomClient } from './upstream-room-client.ts';

/** Unix milliseconds. Injected so the signature date and fetchedAt follow a simulated clock. */
export type Clock = () => number;
/** Fetch-shaped: the real endpoint and the in-process simulator go through the same code. */
export type FetchLike = (req: Request) => Promise<Response>;

export interface UpstreamClientOptions {
  fetch: FetchLike;
  /** An origin such as https://rtc.volcengineapi.com; requests go here and nowhere else. */
  endpoint: string;
  credentials: VolcCredentials;
  region: string;
  timeoutMs: number;
  clock: Clock;
  /** A task is a few kB; anything far bigger is not the documented answer. */
  maxBodyBytes?: number;
  /** Who answers, in messages (default: the endpoint's host); the simulator calls itself so. */
  label?: string;
}

export type UpstreamOutcome =
  | { kind: 'ok'; requestId: string | undefined; task: Record<string, unknown>; fetchedAt: number }
  | { kind: 'upstream-error'; error: UpstreamError; fetchedAt: number }
  | { kind: 'unreachable'; reason: 'timeout' | 'network' | 'aborted'; message: string }
  | { kind: 'bad-body'; httpStatus: number; message: string; requestId?: string };

export interface UpstreamClient {
  getTask(ref: TaskRef, signal?: AbortSignal): Promise<UpstreamOutcome>;
  /** The room sweep's read-only Actions, to the same endpoint with the same keys. */
  rooms?: RoomClient;
}

export const ACTION = 'GetPushMixedStreamToCDNTask';
const SERVICE = 'rtc';

export function taskQuery(ref: TaskRef): Record<string, string> {
  const query: Record<string, string> = { Action: ACTION, Version: ref.version, AppId: ref.appId, RoomId: ref.roomId };
  if (ref.taskId !== undefined) query['TaskId'] = ref.taskId;
  if (ref.userId !== undefined) query['UserId'] = ref.userId;
  return query;
}

class Aborted extends Error {
  constructor(readonly reason: 'timeout' | 'aborted') {
    super(reason);
  }
}

/** Rejects as soon as the signal fires, even if an injected fetch ignores it. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal, why: () => 'timeout' | 'aborted'): Promise<T> {
  if (signal.aborted) return Promise.reject(new Aborted(why()));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Aborted(why()));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Replaces every credential in a text that will reach a response or a log line. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s !== '') out = out.split(s).join('[redacted]');
  return out;
}

/** A short reason from a network error, with anything credential-like scrubbed out. */
function networkReason(err: unknown, secrets: readonly string[]): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  const code = (cause as { code?: unknown } | null)?.code;
  const text = typeof code === 'string' ? code : cause instanceof Error ? cause.message : 'network error';
  return scrub(text, secrets).slice(0, 200);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const endpoint = new URL(options.endpoint);
  const host = options.label ?? endpoint.host;
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const { accessKeyId, secretKey, sessionToken = '' } = options.credentials;
  const secrets = [accessKeyId, secretKey, sessionToken];

  async function getTask(ref: TaskRef, signal?: AbortSignal): Promise<UpstreamOutcome> {
    const signed = await signRequest({
      method: 'GET', path: '/', query: taskQuery(ref), credentials: options.credentials,
      region: options.region, service: SERVICE, date: new Date(options.clock()),
    });
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; controller.abort(); }, options.timeoutMs);
    const onCallerAbort = () => controller.abort();
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    if (signal?.aborted) controller.abort();
    const why = (): 'timeout' | 'aborted' => (timedOut ? 'timeout' : 'aborted');
    try {
      // Accept is added after signing, so SignedHeaders stays x-date(;x-security-token) like the SDK.
      const req = new Request(`${endpoint.origin}/?${signed.query}`, {
        method: 'GET', headers: { ...signed.headers, Accept: 'application/json' }, signal: controller.signal,
      });
      const res = await raceAbort(options.fetch(req), controller.signal, why);
      const declared = Number(res.headers.get('content-length') ?? '0');
      if (declared > maxBodyBytes) {
        void res.body?.cancel().catch(() => undefined);
        return { kind: 'bad-body', httpStatus: res.status, message: `The answer from ${host} (HTTP ${res.status}) is a ${declared}-byte body, far larger than a task.` };
      }
      // Read up to the cap and no further: a chunked answer declares no length.
      const read = await raceAbort(readCappedBody(res.body, maxBodyBytes, controller.signal), controller.signal, why);
      const fetchedAt = options.clock();
      if (!read.ok) return { kind: 'bad-body', httpStatus: res.status, message: `The answer from ${host} (HTTP ${res.status}) is larger than ${maxBodyBytes} bytes, far larger than a task; mixscope stopped reading it there.` };
      return interpret(res.status, new TextDecoder().decode(read.bytes), fetchedAt);
    } catch (err) {
      if (err instanceof Aborted || controller.signal.aborted) {
        const reason = err instanceof Aborted ? err.reason : why();
        const message = reason === 'timeout'
          ? `No answer from ${host} within ${options.timeoutMs} ms.`
          : `The request to ${host} was cancelled.`;
        return { kind: 'unreachable', reason, message };
      }
      return { kind: 'unreachable', reason: 'network', message: `Could not reach ${host}: ${networkReason(err, secrets)}.` };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  function interpret(httpStatus: number, text: string, fetchedAt: number): UpstreamOutcome {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { kind: 'bad-body', httpStatus, message: `The answer from ${host} (HTTP ${httpStatus}) is not JSON.` };
    }
    // Everything after this walks the value recursively (zod, JSON.stringify, React, the store).
    const shape = checkJsonShape(body);
    if (!shape.ok) return { kind: 'bad-body', httpStatus, message: `The answer from ${host} (HTTP ${httpStatus}) is malformed: ${describeJsonShapeProblem(shape)}, far beyond any task, so mixscope did not use it.` };
    const outcome = interpretEnvelope(httpStatus, body);
    if (outcome.kind === 'bad-body') return { kind: 'bad-body', httpStatus, message: outcome.message };
    // The gateway may quote the access key back (InvalidAccessKey); it must not reach the browser.
    if (outcome.kind === 'error') return { kind: 'upstream-error', error: { ...outcome.error, message: scrub(outcome.error.message, secrets) }, fetchedAt };
    const task = isPlainObject(outcome.result) ? outcome.result['PushMixedStreamToCDNTask'] : undefined;
    if (!isPlainObject(task)) {
      const missing: UpstreamOutcome = { kind: 'bad-body', httpStatus, message: `The answer from ${host} reports success but has no Result.PushMixedStreamToCDNTask object.` };
      if (outcome.requestId !== undefined) missing.requestId = outcome.requestId;
      return missing;
    }
    return { kind: 'ok', requestId: outcome.requestId, task, fetchedAt };
  }

  return { getTask, rooms: createRoomClient(options) };
}
