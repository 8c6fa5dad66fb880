import type { ApiVersion } from '../shared/api-versions.ts';
import { interpretEnvelope, type EnvelopeOutcome } from '../shared/volc-envelope.ts';
import { callOfficial } from './official-signer.ts';
import { createSimulator, type Simulator, type SimulatorOptions } from './simulator.ts';

/** Shared by the simulator's tests: a simulator on a hand-driven wall clock, called like a customer would. */

/** 2025-01-02T10:00:00Z: any fixed instant works; a fixed one makes X-Date and request ids exact. */
export const T0 = Date.UTC(2025, 0, 2, 10, 0, 0);

export interface TestSim {
  sim: Simulator;
  /** Moves the wall clock (and, at speed 1, the task clock) forward. */
  tick(ms: number): void;
  wall(): number;
}

export function testSim(options: SimulatorOptions = {}): TestSim {
  let wall = T0;
  const sim = createSimulator({ seed: 42, ...options, now: () => wall });
  return { sim, tick: (ms) => { wall += ms; }, wall: () => wall };
}

export interface Answer {
  status: number;
  body: unknown;
  text: string;
  outcome: EnvelopeOutcome;
}

async function answered(promise: ReturnType<typeof callOfficial>): Promise<Answer> {
  const res = await promise;
  return { ...res, outcome: interpretEnvelope(res.status, res.body) };
}

export interface GetOptions {
  /** Any string: unknown versions are part of what is tested. */
  version?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  secretKey?: string;
  date?: Date;
}

/** GetPushMixedStreamToCDNTask signed by the official Signer. */
export function getTask(t: TestSim, query: Record<string, string>, opts: GetOptions = {}): Promise<Answer> {
  return answered(callOfficial(t.sim.fetch, {
    params: { Action: 'GetPushMixedStreamToCDNTask', Version: opts.version ?? '2020-12-01', ...query },
    credentials: { accessKeyId: t.sim.credentials.accessKeyId, secretKey: opts.secretKey ?? t.sim.credentials.secretKey },
    date: opts.date ?? new Date(t.wall()),
    ...(opts.headers ? { extraHeaders: opts.headers } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  }));
}

/** A control action (JSON POST) signed by the official Signer. */
export function postAction(t: TestSim, action: string, body: unknown, version: ApiVersion = '2020-12-01'): Promise<Answer> {
  return answered(callOfficial(t.sim.fetch, {
    method: 'POST',
    params: { Action: action, Version: version },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    extraHeaders: { 'Content-Type': 'application/json' },
    credentials: t.sim.credentials,
    date: new Date(t.wall()),
  }));
}

/** Result.PushMixedStreamToCDNTask of a successful Get, or a thrown error saying what came instead. */
export function taskOf(answer: Answer): Record<string, unknown> {
  if (answer.outcome.kind !== 'ok') throw new Error(`expected a task, got HTTP ${answer.status}: ${answer.text.slice(0, 300)}`);
  const result = answer.outcome.result;
  if (result === null || typeof result !== 'object' || !('PushMixedStreamToCDNTask' in result)) throw new Error(`no task in ${answer.text.slice(0, 300)}`);
  const task = result.PushMixedStreamToCDNTask;
  if (task === null || typeof task !== 'object') throw new Error('the task is not an object');
  return task as Record<string, unknown>;
}

/** The error code of a failed call (undefined on success), for compact assertions. */
export function errorOf(answer: Answer): { code: string; status: number } | undefined {
  return answer.outcome.kind === 'error' ? { code: answer.outcome.error.code, status: answer.status } : undefined;
}

export const DEMO = { AppId: 'demo-app' } as const;
