import type { TaskRef } from '../../shared/task-ref.ts';
import type { ServerConfig } from '../env.ts';
import type { Governor } from '../governor/governor-types.ts';
import type { Logger } from '../logger.ts';
import type { UpstreamClient } from '../upstream-client.ts';
import type { LeaseGate } from '../watcher/watcher-lease.ts';
import { createSweeper, type Sweeper } from './sweeper.ts';

export interface SweepWiring {
  upstream: UpstreamClient;
  governor: Pick<Governor, 'get'>;
  watcher: { watch(ref: TaskRef, opts: { label: string }): Promise<unknown> };
  now: () => number;
  logger: Logger;
  lease?: LeaseGate;
}

/** Starts the room sweep when MIXSCOPE_SWEEP_APP_IDS is set; undefined otherwise. */
export function startSweep(config: ServerConfig, wiring: SweepWiring): Sweeper | undefined {
  const sweep = config.sweep;
  const rooms = wiring.upstream.rooms;
  if (sweep === undefined || rooms === undefined) return undefined;
  const sweeper = createSweeper({
    appIds: sweep.appIds, rooms, periodMs: sweep.periodMs, now: wiring.now, logger: wiring.logger,
    getTask: async (ref) => (await wiring.governor.get(ref, { priority: 'background' })).outcome,
    watch: (ref, opts) => wiring.watcher.watch(ref, opts),
    ...(wiring.lease ? { lease: wiring.lease } : {}),
  });
  sweeper.start();
  wiring.logger.info({ appIds: sweep.appIds, periodMs: sweep.periodMs }, 'room sweep on');
  return sweeper;
}
