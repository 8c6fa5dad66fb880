import { CAUSE_TEXT } from '../../../shared/task-cause.ts';

/**
 * The cause banner in words (namespace `cause`): one entry per code of explainTask
 * (src/shared/task-cause.ts), its headline and what to check next, in the same order.
 */
export const causeMessagesEn = {
  title: 'What is going on',
  checkNext: 'What to check next',
  severity: { ok: 'Healthy', info: 'Note', warning: 'Attention', error: 'Problem' },
  /** The English templates live beside explainTask, so the words are written once. */
  code: CAUSE_TEXT,
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
