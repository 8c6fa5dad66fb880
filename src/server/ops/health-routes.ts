import { Hono } from 'hono';
import type { CircuitSnapshot } from '../governor/circuit-breaker.ts';

/**
 * /healthz: the process is up and answering (a liveness probe restarts it otherwise).
 * /readyz: it should get traffic: not stopping, the history store answers, and the upstream
 * circuit is not open (while Volcengine is unreachable, a second replica will not do better, but
 * a load balancer should prefer one that can reach it), and a replica holds its share of the
 * upstream budget. Not ready, the body says why. Both bodies are tiny and secret-free, so they are
 * served without the token: probes rarely carry one.
 */
export interface Readiness {
  stopping(): boolean;
  circuit(): CircuitSnapshot;
  /** Resolves when the store can be read; absent when the server runs without one. */
  checkStore?: () => Promise<unknown>;
  /** Replicas: why this one holds no share of the upstream budget yet (undefined: it holds one). */
  shareWait?: () => string | undefined;
}

export const HEALTH_PATHS = ['/healthz', '/readyz'] as const;

async function within<T>(ms: number, p: Promise<T>): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), ms); });
  try {
    return await Promise.race([p.then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(readiness: Readiness) {
  return new Hono()
    .get('/healthz', (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ status: 'ok' });
    })
    .get('/readyz', async (c) => {
      c.header('Cache-Control', 'no-store');
      const circuit = readiness.circuit();
      const shareWait = readiness.shareWait?.();
      const checks = {
        stopping: !readiness.stopping(),
        store: readiness.checkStore === undefined ? true : await within(1_000, readiness.checkStore()),
        upstream: circuit.state !== 'open',
        ...(readiness.shareWait === undefined ? {} : { share: shareWait === undefined }),
      };
      const ready = Object.values(checks).every(Boolean);
      if (ready) return c.json({ status: 'ready', checks, circuit: circuit.state }, 200);
      const reasons = [
        ...(checks.stopping ? [] : ['the server is stopping']),
        ...(checks.store ? [] : ['the history store does not answer']),
        ...(checks.upstream ? [] : ['the upstream circuit is open: Volcengine is unreachable from here']),
        ...(shareWait === undefined ? [] : [shareWait]),
      ];
      return c.json({ status: 'not-ready', checks, circuit: circuit.state, reasons }, 503);
    });
}
