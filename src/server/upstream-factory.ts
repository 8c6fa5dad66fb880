import type { VolcCredentials } from '../shared/volc-signature.ts';
import type { ServerConfig } from './env.ts';
import type { FaultSwitch } from './simulator-faults.ts';
import { createUpstreamClient, type Clock, type FetchLike, type UpstreamClient } from './upstream-client.ts';

/** The slice of src/simulator/simulator.ts the server needs. */
export interface SimulatorLike {
  fetch(req: Request): Promise<Response>;
  credentials: VolcCredentials;
  /** The region the simulator checks signatures against. */
  region: string;
}

export interface UpstreamDeps {
  /** Wall-clock time: it stamps X-Date, which Volcengine (and the simulator) check for skew. */
  clock: Clock;
  /** The network, for MIXSCOPE_UPSTREAM=volcengine. */
  fetch: FetchLike;
  /** Loaded lazily so a volcengine deployment never builds simulator state; gets VOLC_REGION. */
  loadSimulator: (region: string) => Promise<SimulatorLike>;
  /** MIXSCOPE_SIMULATOR_FAULTS: the fault switch, applied to simulator calls only. */
  faults?: FaultSwitch;
}

/**
 * One code path for both modes: the same signer, client and endpoint URL; only the fetch
 * function and the key pair differ (the simulator verifies signatures with its own keys).
 */
export async function createUpstreamFor(config: ServerConfig, deps: UpstreamDeps): Promise<UpstreamClient> {
  const common = { endpoint: config.endpoint, region: config.region, timeoutMs: config.upstreamTimeoutMs, clock: deps.clock };
  if (config.upstream === 'volcengine') {
    if (config.credentials === undefined) throw new Error('MIXSCOPE_UPSTREAM is volcengine but no credentials are configured.');
    return createUpstreamClient({ ...common, fetch: deps.fetch, credentials: config.credentials });
  }
  const simulator = await deps.loadSimulator(config.region);
  const faults = deps.faults;
  const fetch: FetchLike = faults === undefined ? (req) => simulator.fetch(req) : (req) => simulator.fetch(faults.apply(req));
  return createUpstreamClient({ ...common, region: simulator.region, label: 'the embedded simulator', fetch, credentials: simulator.credentials });
}
