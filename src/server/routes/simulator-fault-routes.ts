import { Hono } from 'hono';
import { ID_PATTERN } from '../../shared/task-ref.ts';
import { sendError } from '../api-errors.ts';
import { FAULT_VALUE, type FaultMatch, type FaultSwitch } from '../simulator-faults.ts';

/**
 * /api/simulator/faults, mounted only with MIXSCOPE_SIMULATOR_FAULTS=1 (simulator mode):
 * POST {"fault":"500","count":3,"appId":"demo-app","roomId":"r","taskId":"t"} makes the next 3
 * upstream calls for that task answer HTTP 500; GET lists what is pending; DELETE clears it.
 * Server retries spend faults too: a single 500 is usually retried away before the browser sees it.
 */
const MAX_COUNT = 100;

export function simulatorFaultRoutes(faults: FaultSwitch) {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.get('/', (c) => c.json({ rules: faults.list() }));
  app.delete('/', (c) => {
    faults.clear();
    return c.json({ rules: [] });
  });
  app.post('/', async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return sendError(c, 400, { kind: 'invalid-input', message: 'Send {"fault": "500", "count": 3, "appId": ..., "roomId": ..., "taskId": ...} as JSON.' });
    }
    const fields = body as Record<string, unknown>;
    const fault = typeof fields['fault'] === 'string' ? fields['fault'].trim().toLowerCase() : '';
    const count = fields['count'] === undefined ? 1 : fields['count'];
    const problems: string[] = [];
    if (!FAULT_VALUE.test(fault)) problems.push('fault must be 500, 502, 503, 504, 5xx, malformed, timeout, throttle or latency=<ms>, up to four separated by commas.');
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_COUNT) problems.push(`count must be a whole number from 1 to ${MAX_COUNT}.`);
    const match: FaultMatch = {};
    for (const k of ['appId', 'roomId', 'taskId', 'userId'] as const) {
      const v = fields[k];
      if (v === undefined) continue;
      if (typeof v !== 'string' || !ID_PATTERN.test(v)) problems.push(`${k} must be an ID (letters, digits, _ @ . -).`);
      else match[k] = v;
    }
    if (problems.length > 0) return sendError(c, 400, { kind: 'invalid-input', message: problems.join(' ') });
    faults.add({ fault, remaining: count as number, match });
    return c.json({ rules: faults.list() }, 201);
  });
  return app;
}
