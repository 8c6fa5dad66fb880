import { CONTROL_FIELDS, ENCODE_FIELDS, SEI_FIELDS, SPATIAL_FIELDS, type FieldSpec } from '../../../shared/volc-field-specs.ts';

const SECTIONS: Record<string, readonly FieldSpec[]> = { Encode: ENCODE_FIELDS, Control: CONTROL_FIELDS, SpatialConfig: SPATIAL_FIELDS, SEIConfig: SEI_FIELDS };

/** Every note of the field specs under the key noteKey() gives it: `Encode_VideoWidth`, `Encode_VideoBitrate_20231101`. */
function specNotes(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [section, specs] of Object.entries(SECTIONS)) {
    for (const spec of specs) {
      if (spec.note) out[`${section}_${spec.key}`] = spec.note;
      for (const [version, override] of Object.entries(spec.byVersion ?? {})) {
        if (override.note) out[`${section}_${spec.key}_${version.replaceAll('-', '')}`] = override.note;
      }
    }
  }
  return out;
}

/** Strings of the Encode / Control / stream list panels (namespace `panels`). Same keys in both languages. */
export const panelsMessagesEn = {
  title: 'Encode, Control and streams',
  intro: 'Every documented field for API {{version}}: the value sent, or the documented default (marked). Volcengine resets an out-of-range optional value to its default.',
  introPartial: 'Every documented field for API {{version}}: the value this partial Update sends, or "not sent" where the task keeps what it has. Volcengine resets an out-of-range optional value to its default.',
  keptUnsent: 'not sent: unchanged',
  field: 'Field',
  value: 'Value',
  default: 'Default',
  rangeHeader: 'Range',
  defaulted: 'default',
  sent: 'sent',
  adaptive: 'adaptive',
  notSent: 'not sent',
  noDefault: '—',
  notInVersion: 'Not in API {{version}}: {{fields}}',
  unknownKeys: 'Sent but not documented for this section: {{fields}}',
  sections: {
    Encode: 'Encode',
    Control: 'Control',
    SpatialConfig: 'Control.SpatialConfig',
    SEIConfig: 'Control.SEIConfig',
    TargetStreams: 'TargetStreams',
    ExcludeStreams: 'ExcludeStreams',
  },
  range: {
    between: '{{min}} to {{max}} {{unit}}',
    betweenExclusive: 'above {{min}}, up to {{max}} {{unit}}',
    atLeast: 'at least {{min}} {{unit}}',
    above: 'above {{min}} {{unit}}',
    atMost: 'at most {{max}} {{unit}}',
    even: 'even',
    oneOf: 'one of {{values}} {{unit}}',
  },
  verdict: {
    below: 'below the documented range: Volcengine uses the default',
    above: 'above the documented range: Volcengine uses the default',
    odd: 'odd: must be even, Volcengine uses the default',
    notAllowed: 'not an allowed value: Volcengine uses the default',
    unknownEnum: 'not a documented value: Volcengine uses the default',
  },
  streams: {
    index: 'Index',
    userId: 'UserId',
    streamType: 'StreamType',
    region: 'Region',
    noRegion: 'no region',
    notIndexed: 'no Index',
    excluded: 'also excluded',
    targetsEmpty: 'Empty: every stream in the room is mixed.',
    excludesEmpty: 'No stream is excluded.',
    notUpdatable: 'An Update cannot change ExcludeStreams: the task keeps the list it was started with.',
    keptUnsent: 'Not sent: the task keeps its TargetStreams.',
    count_one: '{{count}} stream',
    count_other: '{{count}} streams',
  },
  /** The docs' notes, in English where the specs are (src/shared/volc-field-specs.ts). */
  notes: specNotes(),
};

export const panelsMessagesZh: typeof panelsMessagesEn = {
  title: '编码、控制与流列表',
  intro: '列出 API {{version}} 文档中的全部字段：任务设置的值，或文档规定的默认值（已标注）。超出范围的可选值会被火山引擎重置为默认值。',
  introPartial: '列出 API {{version}} 文档中的全部字段：此次部分更新发送的值，或“未发送”（任务保留原值）。超出范围的可选值会被火山引擎重置为默认值。',
  keptUnsent: '未发送：不变',
  field: '字段',
  value: '值',
  default: '默认值',
  rangeHeader: '范围',
  defaulted: '默认值',
  sent: '已设置',
  adaptive: '自适应',
  notSent: '未设置',
  noDefault: '—',
  notInVersion: 'API {{version}} 中没有：{{fields}}',
  unknownKeys: '已设置但文档中此部分未列出：{{fields}}',
  sections: {
    Encode: 'Encode',
    Control: 'Control',
    SpatialConfig: 'Control.SpatialConfig',
    SEIConfig: 'Control.SEIConfig',
    TargetStreams: 'TargetStreams',
    ExcludeStreams: 'ExcludeStreams',
  },
  range: {
    between: '{{min}} 至 {{max}} {{unit}}',
    betweenExclusive: '大于 {{min}}，不超过 {{max}} {{unit}}',
    atLeast: '不小于 {{min}} {{unit}}',
    above: '大于 {{min}} {{unit}}',
    atMost: '不超过 {{max}} {{unit}}',
    even: '偶数',
    oneOf: '取值为 {{values}} {{unit}}',
  },
  verdict: {
    below: '低于文档范围：火山引擎将使用默认值',
    above: '高于文档范围：火山引擎将使用默认值',
    odd: '为奇数：必须为偶数，火山引擎将使用默认值',
    notAllowed: '不是允许的取值：火山引擎将使用默认值',
    unknownEnum: '不是文档中的取值：火山引擎将使用默认值',
  },
  streams: {
    index: 'Index',
    userId: 'UserId',
    streamType: 'StreamType',
    region: '区域',
    noRegion: '无区域',
    notIndexed: '无 Index',
    excluded: '同时被排除',
    targetsEmpty: '为空：房间内所有流都参与合流。',
    excludesEmpty: '没有被排除的流。',
    notUpdatable: '更新请求不能修改 ExcludeStreams：任务保留启动时的列表。',
    keptUnsent: '未发送：任务保留原有的 TargetStreams。',
    count_one: '{{count}} 路流',
    count_other: '{{count}} 路流',
  },
  notes: {
    Encode_VideoWidth: '自定义布局下无效：以 Canvas.Width 为准',
    Encode_VideoHeight: '自定义布局下无效：以 Canvas.Height 为准',
    Encode_VideoBitrate_20231101: '0 表示自适应，根据帧率和分辨率计算',
    Encode_AudioBitrate_20231101: '根据音频配置、采样率和声道数推算',
    Control_FrameInterpolationMode: '自适应布局下无效；AlternateImage 优先',
    Control_MaxRecordTime: '0 表示不限；仅对录制有效',
    SEIConfig_SEIPayloadUUID: '32 位十六进制字符，仅在 payload type 为 5 时使用',
    SEIConfig_UserConfigExtraInfo: '最长 4096 个字符（app_data）',
    SpatialConfig_AudienceSpatialPosition: '每个分量取值 [-100, 100]',
    SpatialConfig_AudienceSpatialOrientation: '三个方向必须两两垂直',
  },
};
