import type { TaskModel } from './task-model.ts';

/**
 * "Cause first": the task's state in plain words and what to check next. Each cause has a code
 * (the translation key) and English text, filled from CAUSE_TEXT, as the fallback.
 */
export type CauseSeverity = 'ok' | 'info' | 'warning' | 'error';

export interface TaskCause {
  code: string;
  severity: CauseSeverity;
  headline: string;
  checks: string[];
  params: Record<string, string | number>;
}

/**
 * The English of every cause, as templates with {{slots}} (i18next's syntax): explainTask fills
 * them, the client's English messages are these same templates, and its Chinese ones use the
 * same slots and as many checks.
 */
export const CAUSE_TEXT = {
  idleTimeout: {
    headline: 'Stopped because nobody published a stream for {{maxIdle}} s (MaxIdleTime).',
    checks: ['Were the users in the room publishing audio or video?', 'Do TargetStreams name the UserIds that were really in the room?', 'Raise Control.MaxIdleTime if pauses are expected (10 to 86400 s).'],
  },
  startFailed: {
    headline: 'The task failed to start.',
    checks: ['Is the PushURL an rtmp:// address the CDN accepts, with a valid stream key?', 'Is push-to-CDN enabled for this AppId in the console?', 'Is the same TaskId already used by a single-stream push task?'],
  },
  userDisconnect: {
    headline: 'Stopped because the client user who started it left the room or called stop.',
    checks: ['This is normal at the end of a client-started session.', 'If unexpected, check the client logs for a disconnect or a stop call.'],
  },
  stopByApi: {
    headline: 'Stopped by a StopPushStreamToCDN call from your server.',
    checks: ["If unexpected, search your backend's logs for StopPushStreamToCDN with this TaskId."],
  },
  unknownStop: {
    headline: 'Stopped for a reason Volcengine does not report.',
    checks: ['Quote the task IDs and the stop time to Volcengine support.'],
  },
  otherStop: { headline: 'Stopped: {{reason}}.', checks: [] },
  failed: { headline: 'The task failed.', checks: ['Check the PushURL and that push-to-CDN is enabled for this AppId.'] },
  unknownState: {
    headline: 'Volcengine reports an unknown error state for this task.',
    checks: ['Query again in a few seconds; if it persists, contact Volcengine support with the RequestId.'],
  },
  notStarted: { headline: 'The task has not started yet.', checks: ['With PushStreamMode 0 the push starts once a user publishes a stream.'] },
  reconnecting: {
    headline: 'The push is reconnecting to the CDN.',
    checks: ['Is the CDN ingest reachable and accepting this stream key?', 'Has the stream key or its auth query expired?', 'Is another encoder pushing to the same URL?'],
  },
  connecting: { headline: 'The push is connecting to the CDN.', checks: ['If this lasts more than a few seconds, check the PushURL and the CDN ingest.'] },
  waitingForStream: { headline: 'Running, but not pushing yet: waiting for a published stream.', checks: ['Is a user in the room publishing?'] },
  pushing: { headline: 'Running and pushing to the CDN.', checks: [] },
  runningUnknown: { headline: 'Running; the push state is not available yet.', checks: ['Volcengine suggests querying again shortly.'] },
  ended: { headline: 'The task has ended.', checks: [] },
  unknownStatus: { headline: 'Volcengine reported a status mixscope does not know ({{status}}).', checks: [] },
} satisfies Record<string, { headline: string; checks: string[] }>;

export type CauseCode = keyof typeof CAUSE_TEXT;

const DEFAULT_MAX_IDLE_S = 180;

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (slot, name: string) => (name in params ? String(params[name]) : slot));

function cause(code: CauseCode, severity: CauseSeverity, params: Record<string, string | number>): TaskCause {
  const text: { headline: string; checks: readonly string[] } = CAUSE_TEXT[code];
  return { code, severity, params, headline: fill(text.headline, params), checks: text.checks.map((c) => fill(c, params)) };
}

export function explainTask(model: Pick<TaskModel, 'status' | 'pushStreamState' | 'stopReason' | 'task'>): TaskCause {
  const maxIdle = model.task.Control?.MaxIdleTime ?? DEFAULT_MAX_IDLE_S;
  const params = { maxIdle };
  switch (model.stopReason) {
    case 'IdleTimeOut': return cause('idleTimeout', 'warning', params);
    case 'StartTaskFailed': return cause('startFailed', 'error', params);
    case 'UserDisconnect': return cause('userDisconnect', 'info', params);
    case 'StopByAPI': return cause('stopByApi', 'info', params);
    case 'UnknownStopReason': return cause('unknownStop', 'warning', params);
    default: break;
  }
  if (model.stopReason !== undefined) return cause('otherStop', 'warning', { reason: model.stopReason });
  if (model.status === 4) return cause('failed', 'error', params);
  if (model.status === 0) return cause('unknownState', 'warning', params);
  if (model.status === 1) return cause('notStarted', 'info', params);
  if (model.status === 2) {
    switch (model.pushStreamState) {
      case 3: return cause('reconnecting', 'warning', params);
      case 2:
      case 4: return cause('connecting', 'info', params);
      case 1: return cause('waitingForStream', 'info', params);
      case 5: return cause('pushing', 'ok', params);
      default: return cause('runningUnknown', 'info', params);
    }
  }
  if (model.status === 3) return cause('ended', 'info', params);
  return cause('unknownStatus', 'warning', { status: String(model.status ?? '') });
}
