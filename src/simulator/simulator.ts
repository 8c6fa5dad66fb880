import { API_VERSIONS, isApiVersion, type ApiVersion } from '../shared/api-versions.ts';
import { DEMO_SCENARIOS, type DemoScenario } from '../shared/demo-scenarios.ts';
import { controlActions } from './control-actions.ts';
import { FAULT_HEADER, parseFaultHeader, playFaults } from './faults.ts';
import { getTask } from './get-task-action.ts';
import { outputSpecOf } from './output-spec.ts';
import { usersAway } from './room-model.ts';
import { outputStream } from './output-stream.ts';
import { SlidingWindowLimiter } from './rate-limit.ts';
import { renderTask } from './render-task.ts';
import { getRoomOnlineUsers, listRoomInfo, ROOM_ACTION_VERSIONS } from './room-actions.ts';
import { buildScenarioScripts } from './scenarios.ts';
import { createSimClock, type SimClock } from './sim-clock.ts';
import { errorResponse, fail, type RequestMeta, type SimFailure } from './sim-errors.ts';
import { createRng, deriveSeed, requestIdAt } from './sim-random.ts';
import type { Fault, NumberMode } from './sim-types.ts';
import { taskStateAt, type TaskSnapshot } from './task-lifecycle.ts';
import { taskPast } from './task-past.ts';
import { QUERY_WINDOW_MS, TaskStore, type TaskQuery } from './task-store.ts';
import { verifyRequest, type SimCredentials } from './verify-request.ts';

/**
 * A public, obviously fake key pair: use it as VOLC_ACCESSKEY / VOLC_SECRETKEY against the
 * simulator. It opens nothing anywhere else.
 */
export const SIMULATOR_CREDENTIALS: SimCredentials = Object.freeze({
  accessKeyId: 'AKLTbWl4c2NvcGUtZGVtby1rZXk',
  secretKey: 'TWl4c2NvcGVEZW1vU2VjcmV0S2V5Tm90QVJlYWxLZXk=',
});

export interface FaultOptions {
  /** Honour the X-Mixscope-Fault request header (default true). */
  header?: boolean;
  /** Faults played on every request, before anything else (e.g. a constant latency). */
  always?: Fault[];
}

export interface SimulatorOptions {
  /** Varies the scenarios' random details and the request ids (default 1). */
  seed?: number;
  /** How much faster than the wall clock tasks live (default 1). */
  speed?: number;
  /** The wall clock in Unix ms (default Date.now). */
  now?: () => number;
  faults?: FaultOptions;
  /** Default cn-north-1, the region of rtc.volcengineapi.com. */
  region?: string;
  /**
   * Where the demo images are served. Volcengine returns absolute URLs (the customer's own),
   * so the scenarios do too: they point at the mixscope server, which serves public/demo/
   * (default http://127.0.0.1:8080, the dashboard's default address), so images load offline.
   */
  assetBaseUrl?: string;
  /** How numbers are sent when a scenario does not say (default 'numbers'). */
  numbers?: NumberMode;
  /** Load the demo scenarios (default true); false starts with no tasks at all. */
  scenarios?: boolean;
}

export interface Simulator {
  fetch(req: Request): Promise<Response>;
  credentials: SimCredentials;
  region: string;
  clock: SimClock;
  scenarios: readonly DemoScenario[];
  setFaults(faults: Fault[]): void;
  setNumberMode(mode: NumberMode): void;
  /** Every task as it is now (in simulated time) and still queryable: what callbacks report on. */
  snapshots(): TaskSnapshot[];
  /** The task a query would return now, rendered in a version; undefined when not found. */
  peek(query: TaskQuery, version?: ApiVersion): Record<string, unknown> | undefined;
  /**
   * The life so far of the task a query finds now, computed from its script: no Volcengine API
   * gives a task's past, so this is the simulator's own record, for its demo tasks' timelines.
   * Undefined when the query finds no task.
   */
  past(query: TaskQuery, version?: ApiVersion): TaskPastAnswer | undefined;
}

/** One change of the task's answer: from `at` on, GetPushMixedStreamToCDNTask said this. */
export interface PastAnswerStep {
  at: number;
  status: number;
  pushState: number;
  stopReason: string;
  /** 0 while the task had not ended. */
  endTime: number;
  sequenceNumber: number;
  /** The whole answer as rendered then: on the first step and wherever the configuration changed, else null. */
  task: Record<string, unknown> | null;
}

export interface TaskPastAnswer {
  /** Simulated time the past was computed at: the last step holds until then (or its end). */
  now: number;
  startTime: number;
  steps: PastAnswerStep[];
}

const ACTIONS = {
  GetPushMixedStreamToCDNTask: { method: 'GET', qps: 60, versions: API_VERSIONS }, // "QPS 不得超过 60"
  StartPushMixedStreamToCDN: { method: 'POST', qps: 150, versions: API_VERSIONS }, // 2023-11-01 doc
  UpdatePushMixedStreamToCDN: { method: 'POST', qps: 150, versions: API_VERSIONS },
  StopPushStreamToCDN: { method: 'POST', qps: 150, versions: API_VERSIONS },
  ListRoomInfo: { method: 'GET', qps: 10, versions: ROOM_ACTION_VERSIONS.ListRoomInfo },
  GetRoomOnlineUsers: { method: 'GET', qps: 40, versions: ROOM_ACTION_VERSIONS.GetRoomOnlineUsers },
} as const;
type Action = keyof typeof ACTIONS;

function isAction(name: string): name is Action {
  return Object.hasOwn(ACTIONS, name);
}

function route(meta: RequestMeta, method: string): { ok: true; action: Action; version: string } | { ok: false; failure: SimFailure } {
  if (meta.action === '') return { ok: false, failure: fail('MissingParameter', 'The Action parameter is required.') };
  if (meta.version === '') return { ok: false, failure: fail('MissingParameter', 'The Version parameter is required.') };
  const action = meta.action;
  const version = isAction(action) ? (ACTIONS[action].versions as readonly string[]).find((v) => v === meta.version) : undefined;
  if (!isAction(action) || version === undefined) {
    return { ok: false, failure: fail('InvalidActionOrVersion', `Could not find operation ${action} for version ${meta.version}`) };
  }
  if (ACTIONS[action].method !== method.toUpperCase()) {
    return { ok: false, failure: fail('MethodNotAllowed', `${action} must be called with ${ACTIONS[action].method}.`) };
  }
  return { ok: true, action, version };
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const seed = options.seed ?? 1;
  const clock = createSimClock(options.now ?? Date.now, options.speed ?? 1);
  const region = options.region ?? 'cn-north-1';
  const store = new TaskStore();
  if (options.scenarios !== false) {
    for (const s of buildScenarioScripts(seed, clock.taskNow(), options.assetBaseUrl ?? 'http://127.0.0.1:8080')) store.put(s);
  }
  const limiter = new SlidingWindowLimiter();
  const idRng = createRng(deriveSeed(seed, 'request-id'));
  let always = options.faults?.always ?? [];
  let numbers: NumberMode = options.numbers ?? 'numbers';
  const credentials = SIMULATOR_CREDENTIALS;

  /** GET /pull/{app}/{stream}.flv: the HTTP-FLV output of the task pushing to rtmp://…/{app}/{stream}, as a CDN serves it. */
  function pull(req: Request, url: URL): Response {
    const path = url.pathname.replace(/^\/pull/, '').replace(/\.flv$/, '');
    const now = clock.taskNow();
    const snapshot = req.method === 'GET' && url.pathname.endsWith('.flv') ? store.pushingTo(path, now) : undefined;
    if (snapshot === undefined) return new Response('No live stream at this path.\n', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    const body = outputStream(outputSpecOf(snapshot, snapshot.script.output, usersAway(snapshot, now)));
    return new Response(body, { headers: { 'Content-Type': 'video/x-flv', 'Cache-Control': 'no-store' } });
  }

  async function handle(req: Request): Promise<Response> {
    const url = new URL(req.url);
    if (url.pathname.startsWith('/pull/')) return pull(req, url);
    const wallNow = clock.wallNow();
    const meta: RequestMeta = {
      requestId: requestIdAt(wallNow, idRng),
      action: url.searchParams.get('Action') ?? '',
      version: url.searchParams.get('Version') ?? '',
      region,
    };
    try {
      return await answer(req, url, meta, wallNow);
    } catch (e) {
      // A caller that gave up gets its abort back, as from fetch; anything else is our bug,
      // answered the way the gateway answers its own: 500 InternalError in the envelope.
      if (req.signal.aborted) throw e;
      return errorResponse(meta, fail('InternalError', 'The simulator failed to handle the request.'));
    }
  }

  async function answer(req: Request, url: URL, meta: RequestMeta, wallNow: number): Promise<Response> {
    const headerFaults = options.faults?.header === false ? [] : parseFaultHeader(req.headers.get(FAULT_HEADER));
    const faulted = await playFaults([...always, ...headerFaults], meta, req.signal);
    if (faulted) return faulted;

    const routed = route(meta, req.method);
    if (!routed.ok) return errorResponse(meta, routed.failure);
    const body = new Uint8Array(await req.arrayBuffer());
    const verified = await verifyRequest({ method: req.method, url, headers: req.headers, body, wallNow, region, service: 'rtc', keys: [credentials] });
    if (!verified.ok) return errorResponse(meta, verified.failure);
    if (!limiter.tryAcquire(`${verified.accessKeyId}|${routed.action}`, ACTIONS[routed.action].qps, wallNow)) {
      return errorResponse(meta, fail('FlowLimitExceeded', `Request was denied due to request throttling: at most ${ACTIONS[routed.action].qps} ${routed.action} calls per second per account.`));
    }
    const taskNow = clock.taskNow();
    if (routed.action === 'GetPushMixedStreamToCDNTask') {
      return getTask({ meta, params: url.searchParams, store, taskNow, numbers, signal: req.signal });
    }
    if (routed.action === 'ListRoomInfo' || routed.action === 'GetRoomOnlineUsers') {
      const roomCtx = { meta, params: url.searchParams, scripts: store.all(), taskNow };
      return routed.action === 'ListRoomInfo' ? listRoomInfo(roomCtx) : getRoomOnlineUsers(roomCtx);
    }
    // The router let only API_VERSIONS through for the task Actions.
    const version = isApiVersion(routed.version) ? routed.version : '2020-12-01';
    const ctx = { meta, version, bodyText: new TextDecoder().decode(body), store, taskNow };
    return controlActions[routed.action](ctx);
  }

  return {
    fetch: handle,
    credentials,
    region,
    clock,
    scenarios: DEMO_SCENARIOS,
    setFaults: (faults) => {
      always = faults;
    },
    setNumberMode: (mode) => {
      numbers = mode;
    },
    snapshots: () => {
      const t = clock.taskNow();
      return store.all()
        .map((s) => taskStateAt(s, t))
        .filter((s): s is TaskSnapshot => s !== undefined && t - s.startTime <= QUERY_WINDOW_MS);
    },
    peek: (query, version = '2020-12-01') => {
      const snapshot = store.find(query, clock.taskNow());
      return snapshot && renderTask(snapshot, version, snapshot.script.numbers ?? numbers);
    },
    past: (query, version = '2020-12-01') => {
      const now = clock.taskNow();
      const found = store.find(query, now);
      if (found === undefined) return undefined;
      const mode = found.script.numbers ?? numbers;
      let sequence: number | undefined;
      const steps = taskPast(found.script, now).map(({ at, snapshot: s }): PastAnswerStep => {
        // Only a configuration change (or the first answer) needs the whole task: keeps a long past small.
        const task = s.sequenceNumber === sequence ? null : renderTask(s, version, mode);
        sequence = s.sequenceNumber;
        return { at, status: s.status, pushState: s.pushState, stopReason: s.stopReason, endTime: s.endTime, sequenceNumber: s.sequenceNumber, task };
      });
      return { now, startTime: found.startTime, steps };
    },
  };
}
