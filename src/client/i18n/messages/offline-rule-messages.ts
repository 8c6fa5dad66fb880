import { RULE_TEXT, type RuleCode } from '../../../shared/request-rules-text.ts';

/**
 * The request rules in both languages. English is the shared templates themselves
 * (src/shared/request-rules-text.ts); Chinese fills the same {{slots}}.
 */
export const ruleMessagesEn: Record<RuleCode, { message: string; fix: string }> = RULE_TEXT;

export const ruleMessagesZh: Record<RuleCode, { message: string; fix: string }> = {
  notAnObject: {
    message: '请求体是 {{value}}，不是 JSON 对象，火山引擎无法解析（InvalidParameter.Unmarshal）。',
    fix: '发送一个 JSON 对象，包含 AppId、RoomId、TaskId 和任务字段。',
  },
  missingRequired: { message: '{{field}} 为必填项；缺少时火山引擎返回 MissingParameter。', fix: '补上 {{field}}。' },
  idNotString: { message: '{{field}} 必须是字符串，实际为 {{value}}（InvalidParameter）。', fix: '把 {{field}} 写成带引号的 JSON 字符串。' },
  idTooLong: { message: '{{field}} 长 {{length}} 个字符，上限为 128（InvalidParameter）。', fix: '把 {{field}} 缩短到 128 个字符以内，只用 a-z、A-Z、0-9、_ @ . -' },
  idCharset: { message: '{{field}} 含有 {{found}}；只允许字母、数字和 _ @ . -（InvalidParameter）。', fix: '删除或替换 {{field}} 中的这些字符。' },
  pushUrlNotRtmp: {
    message: 'PushURL {{url}} 不是 rtmp:// 地址；火山引擎只通过 RTMP 向 CDN 推流（InvalidParameter.InvalidRtmpAddress）。',
    fix: '使用 CDN 的 RTMP 推流地址：rtmp://host/app/stream-key。',
  },
  notUpdatable: { message: 'UpdatePushMixedStreamToCDN 没有 {{field}}：运行中的任务无法修改它，该字段被忽略。', fix: '删除 {{field}}；如需修改，请停止任务后重新发起。' },
  sequenceNumberMissing: {
    message: '此更新没有 SequenceNumber。火山引擎要求同一任务的每次更新递增该值，以免晚到的旧更新覆盖较新的更新。',
    fix: '发送 SequenceNumber，且大于上一次更新的值。',
  },
  sequenceNumberInvalid: { message: 'SequenceNumber 必须是非负的 Int32，实际为 {{value}}（InvalidParameter）。', fix: '使用 0 到 2147483647 之间的整数，并在每次更新时递增。' },
  partialFlagInvalid: { message: 'IsUpdatePartialParam 必须是 true 或 false，实际为 {{value}}（InvalidParameter）。', fix: '部分更新写 true；全量更新写 false（默认值）。' },
  fullUpdateOmits: {
    message: '这是一次全量更新（IsUpdatePartialParam 为 false 或未填）：请求体中没有的 {{fields}} 将恢复为默认值。',
    fix: '带上所有需要保留的部分，或把 IsUpdatePartialParam 设为 true，只发送要修改的内容。',
  },
  streamListInvalid: { message: '{{field}} 必须是带 StreamList 列表的对象，实际为 {{value}}（InvalidParameter）。', fix: '把 {{field}} 写成 {"StreamList": [{"UserId": "…", "Index": 0}]}。' },
  streamInvalid: { message: '{{field}} 必须是带 UserId 的流对象，实际为 {{value}}（InvalidParameter）。', fix: '每条流写成 {"UserId": "…", "Index": 0, "StreamType": 0}。' },
  streamUserIdInvalid: {
    message: '{{field}} 必须是 1 到 128 个字符的 UserId，只含 a-z、A-Z、0-9、_ @ . -，实际为 {{value}}（InvalidParameter）。',
    fix: '填写发布这条流的用户的 UserId。',
  },
  streamIndexInvalid: { message: '{{field}} 必须是非负整数，实际为 {{value}}（InvalidParameter）。', fix: '给流编号 0、1、2……，并让区域的 StreamIndex 使用相同的编号。' },
  duplicateIndex: { message: 'Index {{index}} 在 {{field}} 中出现了不止一次；每个 Index 必须唯一（InvalidParameter）。', fix: '给每条流一个不同的 Index。' },
  tooManyStreams: { message: 'TargetStreams 有 {{count}} 条流；LayoutMode {{mode}} 最多合流 {{max}} 条（InvalidParameter）。', fix: '减少到最多 {{max}} 条流。' },
  tooManyRegions: { message: '自定义布局有 {{count}} 个区域；最多允许 {{max}} 个（InvalidParameter）。', fix: '减少到最多 {{max}} 个区域。' },
  regionUnmatched: {
    message: 'StreamIndex 为 {{streamIndex}} 的区域在 TargetStreams 中找不到对应的 Index。区域必须与 TargetStreams 的 Index 一一对应，否则火山引擎以 InvalidParameter 拒绝请求。',
    fix: '在 TargetStreams 中添加 Index 为 {{streamIndex}} 的流，或把 StreamIndex 改为已有的 Index。',
  },
  targetWithoutRegion: {
    message: '目标流 {{userId}}（Index {{index}}）没有区域。自定义布局中每条 TargetStreams 流都需要恰好一个区域（InvalidParameter）。',
    fix: '添加 StreamIndex 为 {{index}} 的区域，或从 TargetStreams 中移除这条流。',
  },
  targetWithoutIndex: {
    message: '目标流 {{userId}} 没有 Index，任何区域都无法引用它；自定义布局要求每条流对应一个区域（InvalidParameter）。',
    fix: '给这条流设置 Index，并添加使用该 StreamIndex 的区域。',
  },
  duplicateStreamIndex: { message: '有 {{count}} 个区域使用 StreamIndex {{streamIndex}}；每条流只能对应一个区域（InvalidParameter）。', fix: '每个 StreamIndex 只保留一个区域。' },
  regionsNotList: { message: '{{field}} 必须是区域列表，实际为 {{value}}（InvalidParameter）。', fix: '把 {{field}} 写成 [{"StreamIndex": 0, …}, …]。' },
  regionNotObject: { message: '{{field}} 必须是区域对象，实际为 {{value}}（InvalidParameter）。', fix: '每个区域写成 {"StreamIndex": 0, "LocationX": …, …}。' },
  regionRequired: { message: '每个区域都必须有 {{field}}（InvalidParameter）。', fix: '补上 {{field}}，取值范围 {{range}}。' },
  regionValueInvalid: {
    message: '{{field}} 为 {{value}}，超出 {{range}}；区域位置或尺寸超出范围时火山引擎返回 InvalidParameter。',
    fix: '使用 {{range}} 范围内的值。',
  },
  regionNotInteger: { message: '{{field}} 为 {{value}}；API 版本 {{version}} 只接受整数画布像素（InvalidParameter）。', fix: '把 {{field}} 取整为 {{range}} 范围内的像素值。' },
  regionPixelsAsRatio: {
    message: '{{field}} 为 {{value}}，但 API 版本 2020-12-01 用画布比例定位区域，范围 {{range}}：这看起来是像素值（InvalidParameter）。',
    fix: '除以画布尺寸（{{canvas}}），或改用 2023-06-01 及以后的版本发送请求，这些版本使用像素。',
  },
  valueOutOfRange: {
    message: '{{field}} 为 {{value}}，超出 {{range}}。火山引擎不会拒绝，而是将其重置为默认值 {{default}}。',
    fix: '使用 {{range}} 范围内的值，或不填 {{field}} 以使用默认值。',
  },
  valueOdd: { message: '{{field}} 为 {{value}}，是奇数；它必须是偶数，因此火山引擎将其重置为默认值 {{default}}。', fix: '使用偶数，例如 {{even}}。' },
  valueNotInteger: {
    message: '{{field}} 为 {{value}}，但 API 规定它是整数（Int32）：火山引擎无法解析小数，会拒绝该请求（InvalidParameter）。',
    fix: '发送整数，例如 {{whole}}。',
  },
  businessIdNotString: { message: 'BusinessId 必须是字符串，实际为 {{value}}（InvalidParameter）。', fix: '把 BusinessId 写成带引号的 JSON 字符串，或者不填。' },
  seiUuidMissing: {
    message: '缺少 {{field}}，但 SEIPayLoadType 为 5，此时必须填写（InvalidParameter）。',
    fix: '补上 {{field}}：32 个十六进制字符（0-9、a-f），不含连字符。或者改用不需要 UUID 的 SEIPayLoadType 100。',
  },
  seiUuidInvalid: {
    message: '{{field}} 为 {{value}}，不是 32 个十六进制字符；SEIPayLoadType 为 5 时火山引擎会拒绝（InvalidParameter）。',
    fix: '写成恰好 32 个 0-9、a-f 或 A-F 字符，不含连字符。',
  },
  seiUuidIgnored: {
    message: '设置了 {{field}}，但 SEIPayLoadType 为 {{type}}：UUID 仅在 payload type 为 5 时使用，火山引擎会忽略它。',
    fix: '删除 {{field}}；如果确实要使用它，请把 SEIPayLoadType 设为 5。',
  },
  valueWrongType: { message: '{{field}} 应为 {{type}} 类型，实际为 {{value}}。火山引擎将其重置为默认值 {{default}}。', fix: '把 {{field}} 写成 JSON {{type}}。' },
  valueBadFormat: { message: '{{field}} 为 {{value}}，不符合格式 {{format}}。火山引擎将其重置为默认值 {{default}}。', fix: '按 {{format}} 的格式填写 {{field}}。' },
  valueTooLong: { message: '{{field}} 长 {{length}} 个字符；最多允许 {{max}} 个，因此火山引擎会丢弃它。', fix: '把 {{field}} 缩短到最多 {{max}} 个字符。' },
  notPerpendicular: {
    message: '{{field}} 的 Forward、Right、Up 三个向量并不两两垂直，因此火山引擎使用默认朝向。',
    fix: '使用相互垂直的向量，例如 Forward [1,0,0]、Right [0,1,0]、Up [0,0,1]。',
  },
  notInVersion: { message: 'API 版本 {{version}} 没有 {{field}}，该字段被忽略。', fix: '删除 {{field}}，或改用包含该字段的 API 版本发送请求。' },
  unknownField: { message: '{{field}} 不是此处的文档字段，火山引擎会忽略它。', fix: '对照 API 文档检查拼写，或删除它。' },
  unknownFieldSuggest: { message: '{{field}} 不是此处的文档字段；是否想写 {{suggestion}}？按现在的写法它会被忽略。', fix: '改名为 {{suggestion}}。' },
  customLayoutIgnored: {
    message: '设置了 Layout.CustomLayout，但 LayoutMode 为 {{mode}} 而不是 2（自定义）：其中的区域被忽略，改用模板布局。',
    fix: '把 LayoutMode 设为 2 以使用这些区域，或删除 CustomLayout。',
  },
};
