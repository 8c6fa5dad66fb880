import { Hono } from 'hono';
import type { ApiVersion } from '../../shared/api-versions.ts';
import type { DemoHistoryResponse, DemoHistoryStep } from '../../shared/demo-history-api.ts';
import { withMaskedPushUrl } from '../../shared/push-url.ts';
import { MARKER_FIELDS, type MarkerField } from '../../shared/timeline-lanes.ts';
import { taskRefKey, validateTaskRef, type TaskRefInput } from '../../shared/task-ref.ts';
import type { PastAnswerStep, TaskPastAnswer } from '../../simulator/simulator.ts';
import { sendError } from '../api-errors.ts';
import { changedFields, snapshotOf, type Snapshot } from '../history/fingerprint.ts';
import type { AppEnv } from '../request-context.ts';
import { requireAllowedAppId } from '../security/app-id-allow-list.ts';

/** The embedded simulator's record of its tasks' pasts (Simulator.past). */
export interface DemoPastSource {
  past(query: { appId: string; roomId: string; taskId?: string; userId?: string }, version: ApiVersion): TaskPastAnswer | undefined;
}

export interface DemoHistoryRouteDeps {
  source: DemoPastSource;
  /** MIXSCOPE_APP_IDS. */
  appIds: readonly string[] | undefined;
  /** The task clock, for an answer about a task the simulator does not hold. */
  now: () => number;
}

const REF_FIELDS = ['appId', 'roomId', 'taskId', 'userId', 'version'] as const;

/**
 * The simulator's steps in the timeline's terms. Which parts of the configuration changed is
 * read from the answers with the history store's own fingerprints, as an observed change is.
 */
export function demoSteps(steps: readonly PastAnswerStep[]): DemoHistoryStep[] {
  let shown: Snapshot | undefined;
  return steps.map((s) => {
    let changed: MarkerField[] = [];
    if (s.task !== null) {
      const snapshot = snapshotOf(s.task);
      if (shown !== undefined) {
        const parts = changedFields(shown, snapshot).filter((f): f is MarkerField => (MARKER_FIELDS as readonly string[]).includes(f));
        // A new SequenceNumber with none of the named parts different: something else changed.
        changed = parts.length > 0 ? parts : ['other'];
      }
      shown = snapshot;
    }
    return {
      at: s.at,
      status: s.status,
      pushStreamState: s.pushState,
      stopReason: s.stopReason === '' ? null : s.stopReason,
      endTime: s.endTime > 0 ? s.endTime : null,
      changed,
      payload: s.task === null ? null : withMaskedPushUrl(s.task),
    };
  });
}

/**
 * `GET /demo-history?<task ref>`, mounted under /api only while the server runs the embedded
 * simulator: a real upstream has no such record, and nothing here is written to the history store.
 */
export function demoHistoryRoutes({ source, appIds, now }: DemoHistoryRouteDeps) {
  const app = new Hono<AppEnv>();
  app.get('/demo-history', (c) => {
    const input: TaskRefInput = Object.fromEntries(REF_FIELDS.map((f) => [f, c.req.query(f)]));
    const checked = validateTaskRef(input);
    if (!checked.ok) return sendError(c, 400, { kind: 'invalid-input', message: checked.issues.map((i) => i.message).join(' '), issues: checked.issues });
    const { ref } = checked;
    requireAllowedAppId(appIds, ref.appId);
    const query = { appId: ref.appId, roomId: ref.roomId, ...(ref.taskId ? { taskId: ref.taskId } : {}), ...(ref.userId ? { userId: ref.userId } : {}) };
    const past = source.past(query, ref.version);
    c.header('Cache-Control', 'no-store');
    const body: DemoHistoryResponse = {
      origin: 'demo',
      key: taskRefKey(ref),
      ref,
      now: past?.now ?? now(),
      startTime: past?.startTime ?? null,
      steps: past === undefined ? [] : demoSteps(past.steps),
    };
    return c.json(body);
  });
  return app;
}
