import { errorResponse, fail, SERVER_ERROR_BY_STATUS, type RequestMeta } from './sim-errors.ts';
import type { Fault, ScenarioFault } from './sim-types.ts';

/**
 * Misbehaviour on demand, for tests and for showing how the dashboard copes when Volcengine
 * misbehaves. Not part of Volcengine: the header is honoured by the simulator only, and the
 * mixscope server forwards it only in test/simulator mode.
 */
export const FAULT_HEADER = 'x-mixscope-fault';

/** `500|502|503|504|malformed|timeout|throttle|latency=800`, several separated by commas. */
export function parseFaultHeader(value: string | null): Fault[] {
  if (value === null) return [];
  const faults: Fault[] = [];
  for (const token of value.split(',').map((t) => t.trim().toLowerCase())) {
    const latency = /^latency=(\d{1,6})$/.exec(token);
    if (latency) faults.push({ kind: 'latency', value: Number(latency[1]) });
    else if (token === '5xx') faults.push({ kind: '5xx', value: 500 });
    else if (/^50[0234]$/.test(token)) faults.push({ kind: '5xx', value: Number(token) });
    else if (token === 'malformed' || token === 'timeout' || token === 'throttle') faults.push({ kind: token });
  }
  return faults;
}

/** A scenario fault with a period is on for its first activeMs of every periodMs (task time). */
export function scenarioFaultActive(fault: ScenarioFault, taskNow: number): boolean {
  if (fault.periodMs === undefined || fault.activeMs === undefined || fault.periodMs <= 0) return true;
  const phase = ((taskNow % fault.periodMs) + fault.periodMs) % fault.periodMs;
  return phase < fault.activeMs;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Waits ms of real time; rejects as fetch does when the caller aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Never answers; settles only when the caller gives up, like a black-holed connection. */
export function hang(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) return reject(abortError(signal));
    signal.addEventListener('abort', () => reject(abortError(signal)), { once: true });
  });
}

/** A 200 whose JSON stops halfway, as a proxy that cut the connection would leave it. */
export function malformedBody(meta: RequestMeta): string {
  return `{"ResponseMetadata":{"RequestId":"${meta.requestId}","Action":"${meta.action}","Version":"${meta.version}","Serv`;
}

/**
 * Plays a list of faults in order: latencies wait and fall through; the first fault that
 * answers decides the response. Undefined means "carry on and answer normally".
 */
export async function playFaults(faults: readonly Fault[], meta: RequestMeta, signal: AbortSignal): Promise<Response | undefined> {
  for (const fault of faults) {
    switch (fault.kind) {
      case 'latency':
        await sleep(fault.value ?? 0, signal);
        break;
      case '5xx': {
        const code = SERVER_ERROR_BY_STATUS[fault.value ?? 500] ?? 'InternalError';
        return errorResponse(meta, fail(code, 'The service is temporarily unavailable (simulated fault).'));
      }
      case 'throttle':
        return errorResponse(meta, fail('FlowLimitExceeded', 'Request was denied due to request throttling (simulated fault).'));
      case 'malformed':
        return new Response(malformedBody(meta), { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } });
      case 'timeout':
        return hang(signal);
    }
  }
  return undefined;
}
