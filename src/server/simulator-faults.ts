/**
 * The fault switch (MIXSCOPE_SIMULATOR_FAULTS=1, embedded simulator only): lets a test or a demo
 * make the next N upstream calls misbehave, by adding the simulator's own X-Mixscope-Fault header
 * (see src/simulator/faults.ts) to them. It sits in the simulator's fetch path in
 * upstream-factory.ts, after signing (the header is not signed), so it cannot exist in
 * volcengine mode: env.ts refuses the combination.
 */

export const FAULT_HEADER = 'x-mixscope-fault';

/** One or more of the simulator's faults: `500|502|503|504|5xx|malformed|timeout|throttle|latency=800`. */
export const FAULT_VALUE = /^(?:50[0234]|5xx|malformed|timeout|throttle|latency=\d{1,5})(?:,(?:50[0234]|5xx|malformed|timeout|throttle|latency=\d{1,5})){0,3}$/;

export interface FaultMatch {
  appId?: string;
  roomId?: string;
  taskId?: string;
  userId?: string;
}

export interface FaultRule {
  fault: string;
  /** Upstream calls still to misbehave. */
  remaining: number;
  /** Only calls for this task (every field given must match); none: any call. */
  match: FaultMatch;
}

export interface FaultSwitch {
  add(rule: FaultRule): void;
  clear(): void;
  list(): FaultRule[];
  /** The request with the fault header added when a rule applies (and one use of it spent). */
  apply(req: Request): Request;
}

const PARAMS: Record<keyof FaultMatch, string> = { appId: 'AppId', roomId: 'RoomId', taskId: 'TaskId', userId: 'UserId' };

export function createFaultSwitch(maxRules = 50): FaultSwitch {
  let rules: FaultRule[] = [];
  const matches = (rule: FaultRule, params: URLSearchParams) =>
    (Object.keys(PARAMS) as (keyof FaultMatch)[]).every((k) => rule.match[k] === undefined || params.get(PARAMS[k]) === rule.match[k]);

  return {
    add(rule) {
      if (!FAULT_VALUE.test(rule.fault)) throw new RangeError(`not a simulator fault: ${rule.fault}`);
      rules = [...rules, { ...rule, match: { ...rule.match } }].slice(-maxRules);
    },
    clear() {
      rules = [];
    },
    list: () => rules.map((r) => ({ ...r, match: { ...r.match } })),
    apply(req) {
      const params = new URL(req.url).searchParams;
      const rule = rules.find((r) => r.remaining > 0 && matches(r, params));
      if (rule === undefined) return req;
      rule.remaining -= 1;
      rules = rules.filter((r) => r.remaining > 0);
      const headers = new Headers(req.headers);
      headers.set(FAULT_HEADER, rule.fault);
      return new Request(req, { headers });
    },
  };
}
