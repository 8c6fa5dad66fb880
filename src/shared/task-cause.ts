import type { TaskModel } from './task-model.ts';

/**
 * "Cause first": the task's state in plain words and what to check next. Each cause has a code
 * (the translation key) and English text as the fallback.
 */
export type CauseSeverity = 'ok' | 'info' | 'warning' | 'error';

export interface TaskCause {
  code: string;
  severity: CauseSeverity;
  headline: string;
  checks: string[];
  params: Record<string, string | number>;
}

const DEFAULT_MAX_IDLE_S = 180;

export function explainTask(model: Pick<TaskModel, 'status' | 'pushStreamState' | 'stopReason' | 'task'>): TaskCause {
  const maxIdle = model.task.Control?.MaxIdleTime ?? DEFAULT_MAX_IDLE_S;
  const params = { maxIdle };
  switch (model.stopReason) {
    case 'IdleTimeOut':
      return {
        code: 'idleTimeout', severity: 'warning', params,
        headline: `Stopped because nobody published a stream for ${maxIdle} s (MaxIdleTime).`,
        checks: ['Were the users in the room publishing audio or video?', 'Do TargetStreams name the UserIds that were really in the room?', 'Raise Control.MaxIdleTime if pauses are expected (10 to 86400 s).'],
      };
    case 'StartTaskFailed':
      return {
        code: 'startFailed', severity: 'error', params,
        headline: 'The task failed to start.',
        checks: ['Is the PushURL an rtmp:// address the CDN accepts, with a valid stream key?', 'Is push-to-CDN enabled for this AppId in the console?', 'Is the same TaskId already used by a single-stream push task?'],
      };
    case 'UserDisconnect':
      return {
        code: 'userDisconnect', severity: 'info', params,
        headline: 'Stopped because the client user who started it left the room or called stop.',
        checks: ['This is normal at the end of a client-started session.', 'If unexpected, check the client logs for a disconnect or a stop call.'],
      };
    case 'StopByAPI':
      return {
        code: 'stopByApi', severity: 'info', params,
        headline: 'Stopped by a StopPushStreamToCDN call from your server.',
        checks: ["If unexpected, search your backend's logs for StopPushStreamToCDN with this TaskId."],
      };
    case 'UnknownStopReason':
      return {
        code: 'unknownStop', severity: 'warning', params,
        headline: 'Stopped for a reason Volcengine does not report.',
        checks: ['Quote the task IDs and the stop time to Volcengine support.'],
      };
    default:
      break;
  }
  if (model.stopReason !== undefined) {
    return { code: 'otherStop', severity: 'warning', params: { reason: model.stopReason }, headline: `Stopped: ${model.stopReason}.`, checks: [] };
  }
  if (model.status === 4) return { code: 'failed', severity: 'error', params, headline: 'The task failed.', checks: ['Check the PushURL and that push-to-CDN is enabled for this AppId.'] };
  if (model.status === 0) return { code: 'unknownState', severity: 'warning', params, headline: 'Volcengine reports an unknown error state for this task.', checks: ['Query again in a few seconds; if it persists, contact Volcengine support with the RequestId.'] };
  if (model.status === 1) return { code: 'notStarted', severity: 'info', params, headline: 'The task has not started yet.', checks: ['With PushStreamMode 0 the push starts once a user publishes a stream.'] };
  if (model.status === 2) {
    switch (model.pushStreamState) {
      case 3:
        return {
          code: 'reconnecting', severity: 'warning', params,
          headline: 'The push is reconnecting to the CDN.',
          checks: ['Is the CDN ingest reachable and accepting this stream key?', 'Has the stream key or its auth query expired?', 'Is another encoder pushing to the same URL?'],
        };
      case 2:
      case 4:
        return { code: 'connecting', severity: 'info', params, headline: 'The push is connecting to the CDN.', checks: ['If this lasts more than a few seconds, check the PushURL and the CDN ingest.'] };
      case 1:
        return { code: 'waitingForStream', severity: 'info', params, headline: 'Running, but not pushing yet: waiting for a published stream.', checks: ['Is a user in the room publishing?'] };
      case 5:
        return { code: 'pushing', severity: 'ok', params, headline: 'Running and pushing to the CDN.', checks: [] };
      default:
        return { code: 'runningUnknown', severity: 'info', params, headline: 'Running; the push state is not available yet.', checks: ['Volcengine suggests querying again shortly.'] };
    }
  }
  if (model.status === 3) return { code: 'ended', severity: 'info', params, headline: 'The task has ended.', checks: [] };
  return { code: 'unknownStatus', severity: 'warning', params: { status: String(model.status ?? '') }, headline: 'Volcengine reported a status mixscope does not know.', checks: [] };
}
