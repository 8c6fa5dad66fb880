import { describe, expect, it } from 'vitest';
import { API_VERSIONS } from '../shared/api-versions.ts';
import { DEMO_SCENARIOS } from '../shared/demo-scenarios.ts';
import { parseTask } from '../shared/parse-task.ts';
import { interpretEnvelope, VolcEnvelopeSchema } from '../shared/volc-envelope.ts';
import { ALL_ERROR_CODES, codeNOf, httpStatusOf } from './sim-errors.ts';
import { getTask, postAction, taskOf, testSim, type Answer } from './sim-test-kit.ts';

/**
 * Contract: everything the simulator can send is the documented envelope, with the documented
 * HTTP status, and every task in it parses with the shared schema without a single issue.
 */

const MINUTE = 60_000;
const TIMES = [0, 30_000, 3 * MINUTE, 20 * MINUTE, 2 * 60 * MINUTE, 26 * 60 * MINUTE];

function checkEnvelope(answer: Answer, action: string, version: string): void {
  expect(VolcEnvelopeSchema.safeParse(answer.body).success).toBe(true);
  const meta = (answer.body as { ResponseMetadata: Record<string, unknown> }).ResponseMetadata;
  expect(meta).toMatchObject({ Action: action, Version: version, Service: 'rtc', Region: 'cn-north-1' });
  expect(meta['RequestId']).toMatch(/^\d{14}[0-9A-F]{18}$/);
  const body = answer.body as Record<string, unknown>;
  if (answer.outcome.kind === 'error') {
    const code = answer.outcome.error.code as (typeof ALL_ERROR_CODES)[number];
    expect(ALL_ERROR_CODES).toContain(code);
    expect(answer.status).toBe(httpStatusOf(code));
    expect(answer.outcome.error.codeN).toBe(codeNOf(code));
    expect(Object.keys(meta['Error'] as object).sort()).toEqual(codeNOf(code) === undefined ? ['Code', 'Message'] : ['Code', 'CodeN', 'Message']);
    expect('Result' in body).toBe(false); // Result only on success
  } else {
    expect(answer.status).toBe(200);
    expect(meta['Error']).toBeUndefined();
  }
}

const FAULT_SCENARIOS = new Set(['fault-slow', 'fault-5xx', 'fault-malformed', 'fault-timeout', 'fault-throttle']);

describe('every scenario × version × time', () => {
  const plain = DEMO_SCENARIOS.filter((s) => !FAULT_SCENARIOS.has(s.id));

  const cases = [...API_VERSIONS.map((v) => [v, 'numbers'] as const), ['2020-12-01', 'all-as-strings'] as const];
  it.each(cases)('answers %s (%s) with the envelope and a cleanly parsing task', async (version, numbers) => {
    const t = testSim({ numbers });
    let elapsed = 0;
    for (const at of TIMES) {
      t.tick(at - elapsed);
      elapsed = at;
      for (const scenario of plain) {
        const { appId, roomId, taskId, userId } = scenario.ref;
        const query: Record<string, string> = { AppId: appId, RoomId: roomId };
        if (taskId) query['TaskId'] = taskId;
        if (userId) query['UserId'] = userId;
        const answer = await getTask(t, query, { version });
        checkEnvelope(answer, 'GetPushMixedStreamToCDNTask', version);
        if (scenario.id === 'expired-72h') {
          expect(answer.outcome.kind).toBe('error');
          continue;
        }
        const parsed = parseTask(taskOf(answer));
        expect(parsed.issues, `${scenario.id} at +${at} ms in ${version}`).toEqual([]);
        expect(parsed.task.Status).toBeGreaterThanOrEqual(1);
      }
    }
  });
});

describe('every error the simulator can send', () => {
  it('matches the documented envelope and status, one request per code', async () => {
    const t = testSim();
    const seen = new Set<string>();
    const record = (a: Answer, action = 'GetPushMixedStreamToCDNTask', version = '2020-12-01') => {
      checkEnvelope(a, action, version);
      if (a.outcome.kind === 'error') seen.add(a.outcome.error.code);
    };
    const get = (q: Record<string, string>, opts = {}) => getTask(t, q, opts);
    record(await get({ AppId: 'demo-app', RoomId: 'r' })); // MissingParameter
    record(await get({ AppId: 'demo-app', RoomId: 'r', TaskId: 'bad id' })); // InvalidParameter
    record(await get({ AppId: 'demo-app', RoomId: 'r', TaskId: 'none' })); // ErrorActiveTaskNotFound
    record(await get({ AppId: 'demo-app', RoomId: 'r', TaskId: 'x' }, { secretKey: 'wrong' })); // SignatureDoesNotMatch
    record(await get({ AppId: 'demo-app', RoomId: 'r', TaskId: 'x' }, { date: new Date(t.wall() - 20 * MINUTE) })); // InvalidTimestamp
    record(await get({ AppId: 'demo-app', RoomId: 'r', TaskId: 'x' }, { headers: { 'X-Mixscope-Fault': '502' } }));
    record(await get({ AppId: 'demo-app', RoomId: 'r', TaskId: 'x' }, { headers: { 'X-Mixscope-Fault': '503' } }));
    record(await get({ AppId: 'demo-app', RoomId: 'r', TaskId: 'x' }, { headers: { 'X-Mixscope-Fault': '504' } }));
    record(await get({ AppId: 'demo-app', RoomId: 'r', TaskId: 'x' }, { headers: { 'X-Mixscope-Fault': '500' } }));
    record(await get({ AppId: 'demo-app', RoomId: 'r', TaskId: 'x' }, { headers: { 'X-Mixscope-Fault': 'throttle' } }));
    record(await get({ AppId: 'demo-app', RoomId: 'r', TaskId: 'x' }, { version: '2022-06-01' }), 'GetPushMixedStreamToCDNTask', '2022-06-01');
    const raw = (init: RequestInit, query: string) => t.sim.fetch(new Request(`https://rtc.volcengineapi.com/?${query}`, init));
    const read = async (res: Response) => {
      const text = await res.text();
      const body: unknown = JSON.parse(text);
      return { status: res.status, body, text, outcome: interpretEnvelope(res.status, body) };
    };
    const q = 'Action=GetPushMixedStreamToCDNTask&Version=2020-12-01&AppId=a&RoomId=r&TaskId=t';
    record(await read(await raw({}, q))); // MissingAuthenticationToken
    record(await read(await raw({ headers: { Authorization: 'Bearer nope' } }, q))); // InvalidAuthorization
    record(await read(await raw({ headers: { Authorization: 'HMAC-SHA256 Credential=AKLTnobody/20250102/cn-north-1/rtc/request, SignedHeaders=x-date, Signature=00' } }, q))); // InvalidAccessKey
    record(await read(await raw({ method: 'POST' }, q))); // MethodNotAllowed
    record(await read(await raw({}, 'Version=2020-12-01')), '', '2020-12-01'); // MissingParameter for Action
    const start = (body: unknown) => postAction(t, 'StartPushMixedStreamToCDN', body);
    record(await start(''), 'StartPushMixedStreamToCDN'); // BodyIsEmpty
    record(await start('{nope'), 'StartPushMixedStreamToCDN'); // Unmarshal
    record(await start({ AppId: 'a', RoomId: 'r', TaskId: 't', PushURL: 'https://x/y' }), 'StartPushMixedStreamToCDN'); // InvalidRtmpAddress
    for (let i = 0; i < 61; i++) await get({ AppId: 'demo-app', RoomId: 'room-live', TaskId: 'live-mix' });
    record(await get({ AppId: 'demo-app', RoomId: 'room-live', TaskId: 'live-mix' })); // FlowLimitExceeded
    expect([...seen].sort()).toEqual([...ALL_ERROR_CODES].sort());
  });
});
