import { describe, expect, it } from 'vitest';
import { testConfig } from '../test-support.ts';
import type { FetchLike } from '../upstream-client.ts';
import { derivePullUrl } from './pull-rules.ts';
import { SIMULATOR_PUSH_HOST, withSimulatorPull } from './simulator-pull.ts';

const PUSH = `rtmp://${SIMULATOR_PUSH_HOST}/live/math-101?txSecret=x`;

describe('the embedded simulator\'s default pull rule', () => {
  it('follows the port the server really listens on when PORT=0 lets the system pick it', async () => {
    const asked: string[] = [];
    const simulator: FetchLike = (req) => {
      asked.push(new URL(req.url).pathname);
      return Promise.resolve(new Response('flv'));
    };
    const network: FetchLike = () => Promise.reject(new Error('the network must not be used'));
    const wired = withSimulatorPull(testConfig({ host: '0.0.0.0', port: 0, pullRules: [] }), simulator, network);
    wired.listeningOn(43_210);

    const derived = derivePullUrl(PUSH, wired.config.pullRules);
    expect(derived.ok && derived.url.href).toBe('http://127.0.0.1:43210/simulator/pull/live/math-101.flv');
    expect(wired.config.pullRules.map((r) => r.pullHost)).toEqual(['127.0.0.1:43210']);
    if (!derived.ok) return;
    await wired.outputFetch(new Request(derived.url));
    expect(asked).toEqual(['/pull/live/math-101.flv']);
  });

  it('leaves an operator\'s own rule for the demo push host alone', () => {
    const own = { pushHost: SIMULATOR_PUSH_HOST, template: 'https://cdn.example.com/{app}/{stream}.flv', pullHost: 'cdn.example.com' };
    const wired = withSimulatorPull(testConfig({ port: 0, pullRules: [own] }), () => Promise.reject(new Error('unused')), () => Promise.reject(new Error('unused')));
    wired.listeningOn(43_210);
    expect(wired.config.pullRules).toEqual([own]);
  });
});
