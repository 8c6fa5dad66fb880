import type { UpstreamError } from '../shared/mixscope-api.ts';
import { interpretEnvelope } from '../shared/volc-envelope.ts';
import { signRequest, type VolcCredentials } from '../shared/volc-signature.ts';
import { readCappedBody } from './read-capped-body.ts';

/**
 * The room sweep's two read-only Actions and nothing else: every query is built here from typed
 * fields, so no caller can name another Action, Version, parameter, host or path.
 */

export const ROOM_ACTIONS = {
  ListRoomInfo: ['2023-11-01', '2020-12-01'],
  GetRoomOnlineUsers: ['2023-11-01', '2023-08-01'],
} as const;

export interface ListRoomInfoQuery {
  action: 'ListRoomInfo';
  version?: (typeof ROOM_ACTIONS.ListRoomInfo)[number];
  appId: string;
  /** Unix ms; sent as RFC 3339. */
  startTime: number;
  endTime: number;
  roomId?: string;
  pageNum: number;
  pageSize: number;
}

export interface GetRoomOnlineUsersQuery {
  action: 'GetRoomOnlineUsers';
  version?: (typeof ROOM_ACTIONS.GetRoomOnlineUsers)[number];
  appId: string;
  roomId: string;
}

export type RoomQuery = ListRoomInfoQuery | GetRoomOnlineUsersQuery;

export type RoomOutcome =
  | { kind: 'ok'; result: Record<string, unknown> }
  | { kind: 'upstream-error'; error: UpstreamError }
  | { kind: 'unreachable' | 'bad-body'; message: string };

export interface RoomClient {
  query(q: RoomQuery, signal?: AbortSignal): Promise<RoomOutcome>;
}

export interface RoomClientOptions {
  fetch: (req: Request) => Promise<Response>;
  endpoint: string;
  credentials: VolcCredentials;
  region: string;
  timeoutMs: number;
  clock: () => number;
  label?: string;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** A page of 100 rooms is some tens of kB; far more is not the documented answer. */
const MAX_BODY_BYTES = 2_000_000;

export function roomQueryParams(q: RoomQuery): Record<string, string> {
  if (q.action === 'ListRoomInfo') {
    const out: Record<string, string> = {
      Action: 'ListRoomInfo', Version: q.version ?? '2023-11-01', AppId: q.appId,
      StartTime: iso(q.startTime), EndTime: iso(q.endTime), PageNum: String(q.pageNum), PageSize: String(q.pageSize),
    };
    if (q.roomId !== undefined) out['RoomId'] = q.roomId;
    return out;
  }
  return { Action: 'GetRoomOnlineUsers', Version: q.version ?? '2023-11-01', AppId: q.appId, RoomId: q.roomId };
}

export function createRoomClient(options: RoomClientOptions): RoomClient {
  const endpoint = new URL(options.endpoint);
  const host = options.label ?? endpoint.host;
  const secrets = [options.credentials.accessKeyId, options.credentials.secretKey, options.credentials.sessionToken ?? ''].filter((s) => s !== '');
  const redact = (text: string) => secrets.reduce((out, s) => out.split(s).join('[redacted]'), text);

  async function query(q: RoomQuery, signal?: AbortSignal): Promise<RoomOutcome> {
    const signed = await signRequest({
      method: 'GET', path: '/', query: roomQueryParams(q), credentials: options.credentials,
      region: options.region, service: 'rtc', date: new Date(options.clock()),
    });
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      const res = await options.fetch(new Request(`${endpoint.origin}/?${signed.query}`, {
        method: 'GET', headers: { ...signed.headers, Accept: 'application/json' }, signal: combined,
      }));
      const read = await readCappedBody(res.body, MAX_BODY_BYTES, combined);
      if (!read.ok) return { kind: 'bad-body', message: `The ${q.action} answer from ${host} is larger than ${MAX_BODY_BYTES} bytes.` };
      let body: unknown;
      try {
        body = JSON.parse(new TextDecoder().decode(read.bytes));
      } catch {
        return { kind: 'bad-body', message: `The ${q.action} answer from ${host} (HTTP ${res.status}) is not JSON.` };
      }
      const outcome = interpretEnvelope(res.status, body);
      if (outcome.kind === 'bad-body') return { kind: 'bad-body', message: outcome.message };
      if (outcome.kind === 'error') return { kind: 'upstream-error', error: { ...outcome.error, message: redact(outcome.error.message) } };
      const result = outcome.result;
      if (typeof result !== 'object' || result === null || Array.isArray(result)) return { kind: 'bad-body', message: `The ${q.action} answer from ${host} has no Result object.` };
      return { kind: 'ok', result: result as Record<string, unknown> };
    } catch {
      return { kind: 'unreachable', message: timeout.aborted ? `No ${q.action} answer from ${host} within ${options.timeoutMs} ms.` : `Could not reach ${host} for ${q.action}.` };
    }
  }

  return { query };
}
