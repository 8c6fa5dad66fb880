import type { Logger } from '../logger.ts';
import type { Inflight } from './inflight.ts';

/**
 * SIGTERM, in an order where nothing is cut off halfway:
 * 1. say "not ready" (a load balancer stops sending) and stop accepting connections;
 * 2. stop the watcher (its in-flight polls are cancelled and not recorded as failures);
 * 3. wait for requests in flight, at most `drainMs`;
 * 4. cancel whatever upstream work is left, then close the store (its last writes are done).
 */
export interface ShutdownSteps {
  markStopping(): void;
  stopAccepting(): void;
  stopWatcher(): Promise<void>;
  inflight: Inflight;
  /** After the drain: closes keep-alive connections that sit idle. */
  closeConnections(): void;
  stopUpstream(): void;
  closeStore(): Promise<void>;
  drainMs: number;
  logger: Logger;
}

export async function gracefulShutdown(steps: ShutdownSteps): Promise<{ drained: boolean; errors: number }> {
  let errors = 0;
  const attempt = async (what: string, fn: () => unknown) => {
    try {
      await fn();
    } catch (err) {
      errors += 1;
      steps.logger.error({ err: String(err), step: what }, 'shutdown step failed');
    }
  };
  steps.markStopping();
  await attempt('stop accepting', () => steps.stopAccepting());
  await attempt('stop watcher', () => steps.stopWatcher());
  const pending = steps.inflight.count();
  const drained = await steps.inflight.idle(steps.drainMs);
  if (!drained) steps.logger.warn({ pending: steps.inflight.count(), drainMs: steps.drainMs }, 'requests still running at the drain limit; stopping anyway');
  else if (pending > 0) steps.logger.info({ drainedRequests: pending }, 'in-flight requests finished');
  await attempt('close connections', () => steps.closeConnections());
  await attempt('stop upstream', () => steps.stopUpstream());
  await attempt('close store', () => steps.closeStore());
  return { drained, errors };
}
