import type { EnumTableId } from './enum-tables.ts';

/** 枚举值的中文名称，键与 src/shared/volc-enums.ts 中的 name 一致（有单元测试检查）。 */
export const enumZh: Record<EnumTableId, Record<string, string>> = {
  taskStatus: { unknownError: '未知异常状态', notStarted: '未开始', running: '运行中', ended: '已结束', failed: '运行失败' },
  pushState: {
    unavailable: '暂未获取到状态', notPushing: '未开始推流', connecting: '首次连接 CDN', reconnecting: '正在重连 CDN',
    connected: '已连接，正在尝试推流', pushing: '推流成功', stopped: '已停止推流',
  },
  layoutMode: { adaptive: '自适应布局', vertical: '垂直布局', custom: '自定义布局', sideBySide: '并排布局' },
  renderMode: { stretch: '拉伸至区域（可能变形）', cropFill: '裁剪填满', fit: '完整显示，留黑边', stretchClient: '拉伸至区域（与客户端一致）' },
  mediaType: { audioVideo: '音视频', audioOnly: '仅音频', videoOnly: '仅视频' },
  controlMediaType: { audioVideo: '音视频', audioOnly: '仅音频' },
  streamType: { camera: '摄像头', screen: '屏幕共享' },
  videoCodec: { h264: 'H.264', bytevc1: 'ByteVC1' },
  audioCodec: { aac: 'AAC' },
  audioProfile: { lc: 'AAC-LC', heV1: 'HE-AAC v1', heV2: 'HE-AAC v2' },
  audioChannels: { mono: '单声道', stereo: '双声道' },
  frameInterpolation: { repeatLast: '补最后一帧', black: '补黑帧' },
  pushStreamMode: { onFirstStream: '有用户推流后开始', immediately: '调用后立即开始' },
  alternateImageFill: { sourceRatio: '按用户原始画面比例缩放', imageRatio: '保持图片自身比例' },
  seiContentMode: { full: '全部', volumeTimestamp: '仅音量和时间戳' },
};

export const enumCommonZh = { unknown: '未知（{{value}}）', absent: '未返回' };
