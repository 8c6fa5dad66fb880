import type { Transaction } from 'kysely';
import type { HistoryDatabase } from './history-db.ts';

/** The lease epoch a watcher write was decided under. */
export interface Fence {
  lease: string;
  epoch: number;
}

export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

/**
 * First statement of a fenced transaction: a no-op update of the lease row at the writer's epoch.
 * On PostgreSQL it also locks the row until commit, so a takeover (which bumps the epoch) waits
 * for this write or this write sees the new epoch and is refused: never both.
 */
export async function checkFence(trx: Transaction<HistoryDatabase>, fence: Fence | undefined): Promise<void> {
  if (fence === undefined) return;
  const result = await trx
    .updateTable('watcher_lease')
    .set((eb) => ({ epoch: eb.ref('epoch') }))
    .where('name', '=', fence.lease)
    .where('epoch', '=', fence.epoch)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new LeaseLostError(`the ${fence.lease} lease moved on from epoch ${fence.epoch}: this replica no longer holds it, so its write was refused`);
  }
}
