import { DEMO_SCENARIOS, type DemoScenarioId } from '../../../shared/demo-scenarios.ts';

type ScenarioText = Record<DemoScenarioId, { title: string; description: string }>;

const heading = {
  title: 'Demo gallery',
  intro: 'Realistic tasks from the built-in simulator. Each opens in one click; the data is made up.',
  groupLayout: 'Layouts',
  groupLifecycle: 'Lifecycles',
  groupErrors: 'Errors and faults',
  open: 'Open',
  tags: { layout: 'layout', lifecycle: 'lifecycle', live: 'running', ended: 'ended', error: 'error', fault: 'fault', client: 'client task', pixels: 'pixels' },
};

/** English scenario texts come from src/shared/demo-scenarios.ts, where the scenarios are defined. */
export const demoMessagesEn = {
  ...heading,
  scenario: Object.fromEntries(DEMO_SCENARIOS.map((s) => [s.id, { title: s.title, description: s.description }])),
};

const zhScenarios: ScenarioText = {
  'live-basic': { title: '普通运行中的任务', description: '主播和嘉宾左右并排，画布 1280×720。只要模拟器在运行，它就一直运行。' },
  'online-class': { title: '在线课堂', description: '屏幕共享、旁边放大的老师画面和下方六名学生；屏幕共享由一次更新加入，稍后背景也会变化。' },
  'pk-battle': { title: 'PK 连麦', description: '两位主播左右并排；PK 结束后一次更新只留下获胜者。' },
  'podcast-audio': { title: '纯音频播客', description: '三位只有音频的嘉宾，以圆角的 AlternateImage 头像显示在背景图上。' },
  'webinar-pip': { title: '画中画网络研讨会', description: '幻灯片全屏，主讲人和嘉宾在圆角画中画窗口中；2023-06-01 像素模型，带 SEIConfig。模拟器启动半小时（任务时间）后，嘉宾的连接断开，她的窗口变空。' },
  'gallery-30': { title: '30 人宫格', description: '自定义布局允许的最大规模：6×5 宫格中的 30 个区域。' },
  'broken-layout': { title: '有问题的布局', description: '工单里常见的情况：区域超出画布、被不透明区域完全遮挡、几乎透明、几乎被裁掉、StreamIndex 没有对应的流、头像地址无法加载。' },
  'flaky-cdn': { title: '不稳定的 CDN', description: '推流中，每隔几分钟出现一次连串重连。' },
  'cdn-gave-up': { title: '反复重连后未知原因停止', description: '重连越来越频繁，最后以 UnknownStopReason 停止。' },
  'start-failure': { title: '启动失败', description: 'CDN 始终不接受推流：几次连接尝试后，Status 变为 4，停止原因 StartTaskFailed。' },
  'idle-timeout': { title: '空闲超时', description: '所有人都离开了房间；超过 MaxIdleTime（180 秒）后任务以 IdleTimeOut 停止。' },
  'ended-by-api': { title: '通过 API 停止', description: '文档中的返回示例，由 StopPushStreamToCDN 停止，PushStreamState 与文档一样是字符串 "6"。' },
  'starting-soon': { title: '尚未开始', description: '任务时间的前三分钟 Status 为 1，之后开始、连接并推流。' },
  'pixel-2023-11': { title: '2023-11-01 像素任务', description: '区域使用整数画布像素，带 SEIConfig，没有 MaxRecordTime；此版本允许 CornerRadius 为 0。' },
  'client-task': { title: '客户端发起的任务', description: '用户 lily 通过客户端 SDK 发起：TaskId 为 lily@@cam-mix。' },
  'client-first-task': { title: '用户的第一个客户端任务', description: '只用 UserId 查询：lily 的第一个任务，她离开房间时结束（UserDisconnect）。' },
  'minimal-defaults': { title: '最简任务，全部默认值', description: '只有 PushURL：自适应布局、房间内所有流、所有 Encode 和 Control 参数都是默认值。' },
  'expired-72h': { title: '超过 72 小时', description: '73 小时前开始：接口不再返回它，而是返回错误。' },
  'fault-slow': { title: '响应缓慢', description: '每次查询延迟 3 秒后才返回。' },
  'fault-5xx': { title: '间歇性 503', description: '任务时间每分钟中有 30 秒，接口返回 HTTP 503 ServiceUnavailableTemp。' },
  'fault-malformed': { title: '格式错误的 JSON', description: '接口返回 HTTP 200，但 JSON 内容被截断。' },
  'fault-timeout': { title: '无响应', description: '接口始终不返回，调用方只能超时。' },
  'fault-throttle': { title: '被限流', description: '每次查询都被拒绝：HTTP 429 FlowLimitExceeded。' },
};

export const demoMessagesZh = {
  title: '演示库',
  intro: '来自内置模拟器的真实场景任务，点击即可打开；数据均为虚构。',
  groupLayout: '布局',
  groupLifecycle: '生命周期',
  groupErrors: '错误与故障',
  open: '打开',
  tags: { layout: '布局', lifecycle: '生命周期', live: '运行中', ended: '已结束', error: '错误', fault: '故障', client: '客户端任务', pixels: '像素' },
  scenario: zhScenarios,
};
