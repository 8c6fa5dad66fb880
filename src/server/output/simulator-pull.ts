import type { ServerConfig } from '../env.ts';
import type { FetchLike } from '../upstream-client.ts';
import type { PullRule } from './pull-rules.ts';

/** The push host every demo scenario's PushURL uses (src/simulator/scenario-kit.ts). */
export const SIMULATOR_PUSH_HOST = 'push.live.example.com';
export const SIMULATOR_PULL_PREFIX = '/simulator/pull';

/**
 * With the embedded simulator, `npm start` reads outputs too: a default pull rule maps the demo
 * push host to this server's own /simulator/pull/ route, and reads of that exact prefix are
 * answered by the simulator in process (no loopback call, so no token or Host check is crossed).
 * An operator's own rule for that host wins.
 */
export function withSimulatorPull(config: ServerConfig, simulatorFetch: FetchLike, network: FetchLike) {
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
  const hasRule = config.pullRules.some((r) => r.pushHost === SIMULATOR_PUSH_HOST);
  const rule: PullRule = { pushHost: SIMULATOR_PUSH_HOST, template: '', pullHost: '' };
  let prefix = '';
  // The rule object is shared with the routes, so a port learnt later reaches them in place.
  const useOrigin = (port: number) => {
    const origin = `http://${host}:${port}`;
    prefix = `${origin}${SIMULATOR_PULL_PREFIX}/`;
    rule.template = `${prefix}{app}/{stream}.flv`;
    rule.pullHost = new URL(origin).host;
  };
  useOrigin(config.port);
  const toSimulator = (req: Request) => {
    const url = new URL(req.url);
    url.pathname = url.pathname.slice('/simulator'.length);
    return simulatorFetch(new Request(url, { signal: req.signal }));
  };
  return {
    config: hasRule ? config : { ...config, pullRules: [...config.pullRules, rule] },
    outputFetch: ((req) => (req.url.startsWith(prefix) ? toSimulator(req) : network(req))) satisfies FetchLike,
    simulatorPull: simulatorFetch,
    /** The port the server listens on, known only once it does (PORT=0 lets the system pick one). */
    listeningOn: (port: number) => useOrigin(port),
  };
}
