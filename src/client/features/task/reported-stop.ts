import { TRANSCODE_EVENTS } from '../../../shared/callback-api.ts';
import type { CallbackNotice } from '../../../shared/fleet-api.ts';
import { isFinished, type TaskModel } from '../../../shared/task-model.ts';

/** The callback that says a task stopped. */
export const STOP_EVENT = 'TranscodeStopped';

const isTranscode = (type: string) => (TRANSCODE_EVENTS as readonly string[]).includes(type);

/**
 * The newest Transcode* report about the task, by EventTime (then EventId, so a tie is decided
 * the same way whatever the order): callbacks come twice, late and out of order, and the newest
 * says where the task's life is. Other events (presence) leave it as it was.
 */
export function newerReport(kept: CallbackNotice | undefined, notice: CallbackNotice): CallbackNotice | undefined {
  if (!isTranscode(notice.eventType)) return kept;
  if (kept === undefined) return notice;
  const newer = notice.eventTime > kept.eventTime || (notice.eventTime === kept.eventTime && notice.eventId > kept.eventId);
  return newer ? notice : kept;
}

/** The stop to show: the newest report is a stop, and the page's own answer does not say the task ended yet. */
export function unconfirmedStop(newest: CallbackNotice | undefined, model: Pick<TaskModel, 'status' | 'endTime'> | undefined): CallbackNotice | undefined {
  if (newest?.eventType !== STOP_EVENT) return undefined;
  return model !== undefined && isFinished(model) ? undefined : newest;
}
