import type { Kysely, Updateable } from 'kysely';
import type { ObservationKind } from '../../shared/history-api.ts';
import { isFinished } from '../../shared/task-model.ts';
import { planRecord, type CompressionPolicy, type Incoming } from './compress.ts';
import { checkFence, type Fence } from './fence.ts';
import { failureRequestId, gapErrorOf, type FetchOutcome } from './fetch-outcome.ts';
import { snapshotOf, type Snapshot } from './fingerprint.ts';
import type { HistoryDatabase, WatchedTasksTable } from './history-db.ts';
import { toRowHead } from './history-rows.ts';

export interface RecordResult {
  action: 'inserted' | 'extended';
  kind: ObservationKind;
  observationId: number;
  snapshot: Snapshot | null;
  /** This answer is the first to show the task finished: the watcher allows one more fetch. */
  newlyEnded: boolean;
}

const ended = (s: Snapshot | null | undefined): boolean =>
  s != null && isFinished({ status: s.status ?? undefined, endTime: s.endTime ?? undefined });

/**
 * Writes one answer: the observation row and the watch-list summary in one transaction, so a kill
 * between the two cannot leave them disagreeing. With a fence, the write is refused (LeaseLostError)
 * once the watcher lease has moved on from the writer's epoch.
 */
export async function recordObservation(
  db: Kysely<HistoryDatabase>,
  key: string,
  outcome: FetchOutcome,
  at: number,
  policy: CompressionPolicy,
  fence?: Fence,
): Promise<RecordResult> {
  let snapshot: Snapshot | null = null;
  let incoming: Incoming;
  if (outcome.ok) {
    snapshot = snapshotOf(outcome.task);
    incoming = { ok: true, at, snapshot };
  } else {
    incoming = { ok: false, at, error: gapErrorOf(outcome) };
  }

  return db.transaction().execute(async (trx) => {
    await checkFence(trx, fence);
    const newest = (gapsToo: boolean) => {
      let q = trx.selectFrom('observations').selectAll().where('task_key', '=', key);
      if (!gapsToo) q = q.where('kind', '!=', 'gap');
      return q.orderBy('observed_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    };
    const lastRow = await newest(true);
    const lastKnownRow = lastRow === undefined || lastRow.kind !== 'gap' ? lastRow : await newest(false);
    const last = lastRow && toRowHead(lastRow);
    const lastKnown = lastKnownRow && toRowHead(lastKnownRow);
    const plan = planRecord(last, lastKnown, incoming, policy);

    let observationId: number;
    let kind: ObservationKind;
    if (plan.action === 'extend') {
      await trx
        .updateTable('observations')
        .set((eb) => ({ confirmed_until: plan.confirmedUntil, attempts: eb('attempts', '+', 1) }))
        .where('id', '=', plan.id)
        .execute();
      observationId = plan.id;
      kind = last?.kind ?? 'confirm';
    } else {
      const error = incoming.ok ? null : incoming.error;
      const inserted = await trx
        .insertInto('observations')
        .values({
          task_key: key,
          kind: plan.kind,
          observed_at: at,
          confirmed_until: at,
          continuity: plan.continuity,
          attempts: 1,
          status: snapshot?.status ?? null,
          push_stream_state: snapshot?.pushStreamState ?? null,
          stop_reason: snapshot?.stopReason ?? null,
          start_time: snapshot?.startTime ?? null,
          end_time: snapshot?.endTime ?? null,
          task_fp: snapshot?.fingerprints.task ?? null,
          layout_fp: snapshot?.fingerprints.layout ?? null,
          encode_fp: snapshot?.fingerprints.encode ?? null,
          control_fp: snapshot?.fingerprints.control ?? null,
          streams_fp: snapshot?.fingerprints.streams ?? null,
          changed: plan.kind === 'change' ? plan.changed.join(',') : null,
          payload: plan.withPayload && outcome.ok ? JSON.stringify(outcome.task) : null,
          request_id: (outcome.ok ? outcome.requestId : failureRequestId(outcome)) ?? null,
          error_kind: error?.kind ?? null,
          error_code: error?.code ?? null,
          error_message: error?.message ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      observationId = Number(inserted.id);
      kind = plan.kind;
    }

    const watched = await trx.selectFrom('watched_tasks').selectAll().where('task_key', '=', key).executeTakeFirst();
    const wasEnded = watched !== undefined ? watched.ended_at !== null : ended(lastKnown?.snapshot);
    const newlyEnded = ended(snapshot) && !wasEnded;
    if (watched !== undefined) {
      let patch: Updateable<WatchedTasksTable> = { last_attempt_at: at };
      if (incoming.ok) {
        patch = {
          ...patch,
          last_observed_at: at,
          last_status: incoming.snapshot.status,
          last_push_state: incoming.snapshot.pushStreamState,
          last_stop_reason: incoming.snapshot.stopReason,
          start_time: incoming.snapshot.startTime ?? watched.start_time,
          consecutive_failures: 0,
          last_error_kind: null,
          last_error_code: null,
          last_error_message: null,
        };
        if (newlyEnded) patch.ended_at = incoming.snapshot.endTime ?? at;
      } else {
        patch = {
          ...patch,
          consecutive_failures: watched.consecutive_failures + 1,
          last_error_kind: incoming.error.kind,
          last_error_code: incoming.error.code,
          last_error_message: incoming.error.message,
        };
      }
      await trx.updateTable('watched_tasks').set(patch).where('task_key', '=', key).execute();
    }
    return { action: plan.action === 'extend' ? 'extended' : 'inserted', kind, observationId, snapshot, newlyEnded };
  });
}
