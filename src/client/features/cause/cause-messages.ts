/**
 * The cause banner in words (namespace `cause`): one entry per code of explainTask
 * (src/shared/task-cause.ts), its headline and what to check next, in the same order.
 */
export const causeMessagesEn = {
  title: 'What is going on',
  checkNext: 'What to check next',
  severity: { ok: 'Healthy', info: 'Note', warning: 'Attention', error: 'Problem' },
  code: {
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
  },
};

type CauseText = typeof causeMessagesEn;

export const causeMessagesZh: CauseText = {
  title: '当前情况',
  checkNext: '接下来检查',
  severity: { ok: '正常', info: '提示', warning: '注意', error: '问题' },
  code: {
    idleTimeout: {
      headline: '因 {{maxIdle}} 秒内无人发布流（MaxIdleTime）而停止。',
      checks: ['房间内的用户当时是否在发布音频或视频？', 'TargetStreams 中的 UserId 是否确实在房间里？', '如果预计会有停顿，请调大 Control.MaxIdleTime（10 到 86400 秒）。'],
    },
    startFailed: {
      headline: '任务启动失败。',
      checks: ['PushURL 是否为 CDN 接受的 rtmp:// 地址，推流密钥是否有效？', '控制台中是否已为该 AppId 开通转推 CDN 服务？', '同一个 TaskId 是否已被单流转推任务使用？'],
    },
    userDisconnect: {
      headline: '因发起任务的客户端用户离开房间或调用了停止接口而停止。',
      checks: ['客户端发起的会话结束时，这是正常现象。', '如果不符合预期，请检查客户端日志中的断开或停止调用。'],
    },
    stopByApi: {
      headline: '由你的服务端调用 StopPushStreamToCDN 停止。',
      checks: ['如果不符合预期，请在后端日志中搜索带有此 TaskId 的 StopPushStreamToCDN 调用。'],
    },
    unknownStop: {
      headline: '因火山引擎未说明的原因停止。',
      checks: ['请将任务 ID 和停止时间提供给火山引擎技术支持。'],
    },
    otherStop: { headline: '已停止：{{reason}}。', checks: [] },
    failed: { headline: '任务运行失败。', checks: ['请检查 PushURL，并确认该 AppId 已开通转推 CDN 服务。'] },
    unknownState: {
      headline: '火山引擎报告此任务处于未知异常状态。',
      checks: ['几秒后再次查询；如果持续出现，请带上 RequestId 联系火山引擎技术支持。'],
    },
    notStarted: { headline: '任务尚未开始。', checks: ['PushStreamMode 为 0 时，有用户发布流后才开始推流。'] },
    reconnecting: {
      headline: '正在重连 CDN。',
      checks: ['CDN 推流入口是否可达，是否接受此推流密钥？', '推流密钥或其鉴权参数是否已过期？', '是否有另一个编码器在向同一地址推流？'],
    },
    connecting: { headline: '正在连接 CDN。', checks: ['如果持续超过几秒，请检查 PushURL 和 CDN 推流入口。'] },
    waitingForStream: { headline: '任务运行中，但尚未推流：正在等待有人发布流。', checks: ['房间里是否有用户在发布？'] },
    pushing: { headline: '运行中，正在向 CDN 推流。', checks: [] },
    runningUnknown: { headline: '运行中；推流状态暂未获取到。', checks: ['火山引擎建议稍后再次查询。'] },
    ended: { headline: '任务已结束。', checks: [] },
    unknownStatus: { headline: '火山引擎返回了 mixscope 不认识的状态（{{status}}）。', checks: [] },
  },
};
