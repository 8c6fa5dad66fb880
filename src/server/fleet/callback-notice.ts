import type { CallbackNotice } from '../../shared/fleet-api.ts';
import { taskIdentityKey } from '../../shared/task-ref.ts';

/** What an applied callback tells the live screens: its ids, and the watch-list key of the task it names. */
export function callbackNotice(e: { eventId: string; eventType: string; eventTime: number; appId: string; roomId?: string | null | undefined; taskId?: string | null | undefined }): CallbackNotice {
  const roomId = e.roomId ?? null;
  const taskId = e.taskId ?? null;
  return {
    key: roomId !== null && taskId !== null ? taskIdentityKey({ appId: e.appId, roomId, taskId }) : null,
    eventId: e.eventId, eventType: e.eventType, eventTime: e.eventTime, appId: e.appId, roomId, taskId,
  };
}
