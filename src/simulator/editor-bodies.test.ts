import { describe, expect, it } from 'vitest';
import { API_VERSIONS, type ApiVersion } from '../shared/api-versions.ts';
import { DEMO_SCENARIOS } from '../shared/demo-scenarios.ts';
import { checkBody, startBody, updateBody } from '../shared/layout-edit/edit-body.ts';
import { applyEdit, regionFieldPath, type EditOp } from '../shared/layout-edit/edit-ops.ts';
import { buildTaskModel } from '../shared/task-model.ts';
import { getTask, postAction, testSim, type TestSim } from './sim-test-kit.ts';

/**
 * The what-if editor's bodies against every demo task, in every API version: after the edits a
 * person typically makes, the Update and Start bodies pass the request rules, and the simulator,
 * which enforces the same documented rules, applies the Update to a running task as previewed.
 */

type Scenario = (typeof DEMO_SCENARIOS)[number];

function query(s: Scenario): Record<string, string> {
  const q: Record<string, string> = { AppId: s.ref.appId, RoomId: s.ref.roomId };
  const { taskId, userId } = s.ref as { taskId?: string; userId?: string };
  if (taskId !== undefined) q['TaskId'] = taskId;
  if (userId !== undefined) q['UserId'] = userId;
  return q;
}

async function fetchTask(t: TestSim, s: Scenario, version: ApiVersion): Promise<Record<string, unknown> | undefined> {
  const answer = await getTask(t, query(s), { version });
  if (answer.outcome.kind !== 'ok') return undefined;
  const result = answer.outcome.result as { PushMixedStreamToCDNTask?: Record<string, unknown> };
  return result.PushMixedStreamToCDNTask;
}

/** Move the first region, restyle it, fix a region that points at no stream, add a user with a region. */
function typicalEdits(task: Record<string, unknown>, version: ApiVersion): EditOp[] {
  const model = buildTaskModel(task, version);
  const ops: EditOp[] = model.layout.approximate ? [{ kind: 'makeCustom' }] : [];
  const { width, height } = { width: model.layout.canvas.width.value, height: model.layout.canvas.height.value };
  ops.push({ kind: 'place', regionIndex: 0, rect: { x: width / 10, y: height / 8, width: width / 3, height: height / 3 } });
  ops.push({ kind: 'set', path: regionFieldPath(0, 'ZOrder'), value: 50 }, { kind: 'set', path: regionFieldPath(0, 'Alpha'), value: 0.8 });
  const known = new Set(model.targets.map((t) => t.index));
  for (const r of model.layout.regions) {
    if (r.streamIndex !== undefined && !known.has(r.streamIndex)) ops.push({ kind: 'addStream', userId: `fix-${r.streamIndex}`, index: r.streamIndex });
  }
  if (model.targets.length > 0 && model.targets.length < 30) ops.push({ kind: 'addStream', userId: 'guest-new' }, { kind: 'addRegion' });
  return ops;
}

const IDS = (s: Scenario) => ({ AppId: s.ref.appId, RoomId: s.ref.roomId, TaskId: (s.ref as { taskId?: string }).taskId ?? 'unknown' });

describe('editor bodies for the demo tasks', () => {
  const withLayout = DEMO_SCENARIOS.filter((s) => !s.tags.some((tag) => tag === 'error' || tag === 'fault'));

  for (const version of API_VERSIONS) {
    it(`pass the request rules after typical edits, and the simulator applies them (${version})`, async () => {
      const t = testSim();
      let sequence = 1_000_000;
      let applied = 0;
      for (const s of withLayout) {
        const task = await fetchTask(t, s, version);
        if (!task) continue;
        const edited = typicalEdits(task, version).reduce<Record<string, unknown>>((doc, op) => applyEdit(doc, version, op), task);
        const update = updateBody(edited, version, IDS(s), { sequenceNumber: ++sequence });
        const start = startBody(edited, version, IDS(s));
        expect(checkBody(update, 'update', version).filter((r) => r.effect === 'rejected'), `${s.id} update`).toEqual([]);
        expect(checkBody(start, 'start', version).filter((r) => r.effect === 'rejected'), `${s.id} start`).toEqual([]);
        // Running server tasks only: an ended task takes no update, a client's is not the server's to update.
        if (task['Status'] !== 2 || s.tags.some((tag) => tag === 'client')) continue;
        const answer = await postAction(t, 'UpdatePushMixedStreamToCDN', update, version);
        expect(answer.outcome.kind, `${s.id}: ${answer.text.slice(0, 300)}`).toBe('ok');
        const after = await fetchTask(t, s, version);
        const drawn = (doc: unknown) => buildTaskModel(doc, version).layout.regions.map((r) => [r.arrayIndex, r.stream?.userId, r.rect, r.zOrder.value, r.alpha.value]);
        expect(drawn(after), s.id).toEqual(drawn(edited));
        applied++;
      }
      expect(applied).toBeGreaterThanOrEqual(8);
    });
  }
});
