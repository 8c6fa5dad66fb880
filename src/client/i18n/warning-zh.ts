import type { WarningCode } from '../../shared/layout-warnings.ts';

/**
 * 布局警告的中文模板。英文由 src/shared 的检查函数直接生成（含计算出的细节）；中文用同一组
 * params 填充。百分比参数是 0 到 1 的小数，用 i18next 的 number 格式化显示为百分数。
 */
const pct = (name: string) => `{{${name}, number(style: percent; maximumFractionDigits: 0)}}`;

export const warningZh: Record<WarningCode, { message: string; fix: string }> = {
  offCanvasFully: {
    message: '{{region}} 的区域完全在画布之外（x {{x}}，y {{y}}，{{width}} × {{height}}，画布 {{canvasWidth}} × {{canvasHeight}}），不会出现在合流画面中。',
    fix: '把它移回画布内：x 在 [0, {{canvasWidth}})，y 在 [0, {{canvasHeight}}) 之内。',
  },
  offCanvasPartly: {
    message: `{{region}} 的区域只有 ${pct('share')} 在画布内，其余部分被裁掉。`,
    fix: '移动或缩小它，使其完全落在 {{canvasWidth}} × {{canvasHeight}} 的画布内。',
  },
  hiddenFully: {
    message: '{{region}} 的区域被上层的不透明区域完全遮挡：{{above}}。',
    fix: '给它更高的 ZOrder、移动它，或把上层区域的 Alpha 调到 1 以下。',
  },
  hiddenPartly: {
    message: `{{region}} 的区域有 ${pct('hidden')} 被上层的不透明区域遮挡（{{above}}），只露出 ${pct('visible')}。`,
    fix: '调整位置或 ZOrder，让人脸等关键内容露出来。',
  },
  equalZOrderOverlap: {
    message: '{{region}} 与 {{other}} 重叠且 ZOrder 相同（{{zOrder}}）：谁在上层取决于 Regions 中的顺序。',
    fix: '给在上层的区域更高的 ZOrder，让叠放顺序明确。',
  },
  alphaOutOfRange: {
    message: '{{region}} 的 Alpha 为 {{alpha}}，超出文档范围 (0, 1]。',
    fix: 'Alpha 取大于 0、不超过 1 的值（1 为不透明）。',
  },
  alphaTooLow: {
    message: `{{region}} 的 Alpha 为 {{alpha}}：不透明度只有 ${pct('alpha')}，几乎看不见。`,
    fix: '把 Alpha 提高到 0.15 以上（1 为不透明），除非有意做淡淡的叠加。',
  },
  zeroSize: {
    message: '{{region}} 的区域大小为 {{width}} × {{height}} 像素，面积为零，不会绘制任何内容。',
    fix: '给区域设置大于零的宽和高。',
  },
  missingRequired: {
    message: '{{region}} 缺少文档要求的字段 {{fields}}；火山引擎会以 InvalidParameter 拒绝这样的布局。',
    fix: '为该区域填写 {{fields}}。',
  },
  cropOutsideFrame: {
    message: '{{region}} 的 SourceCrop 超出了源画面：{{details}}。',
    fix: 'LocationX、LocationY 取 [0, 1)，WidthProportion、HeightProportion 取 (0, 1]，且 LocationX + WidthProportion ≤ 1、LocationY + HeightProportion ≤ 1（都是裁剪前画面的比例）。',
  },
  cropEmpty: {
    message: '{{region}} 的 SourceCrop 没有选中任何画面（WidthProportion {{width}}，HeightProportion {{height}}）；火山引擎会把无效值重置为默认值，即整个画面。',
    fix: 'WidthProportion 和 HeightProportion 取 (0, 1] 内的值，或去掉 SourceCrop 以使用整个画面。',
  },
  cornerRadiusIgnored: {
    message: '{{region}} 的 CornerRadius 为 {{cornerRadius}}，即 {{radiusPx}} 像素，超过区域短边的一半（{{halfShorterSide}} 像素），火山引擎会画成直角。',
    fix: 'CornerRadius 不要超过 {{max}}（短边的一半除以画布宽度）。',
  },
  pixelsGivenAsRatio: {
    message: '{{region}} 的坐标为 {{sent}}：在 2020-12-01 版本中应当是画布的比例，却大于 1。mixscope 把它当作像素显示。',
    fix: '以画布比例传 LocationX 和 LocationY，或使用接受像素的 2023-06-01 及以后的版本。',
  },
  streamIndexUnmatched: {
    message: 'StreamIndex 为 {{streamIndex}} 的区域没有对应的流：TargetStreams 中没有这个 Index，所以这里什么也不会画。火山引擎会以 InvalidParameter 拒绝区域与 TargetStreams 不一一对应的布局。',
    fix: '在 TargetStreams 中加入 Index 为 {{streamIndex}} 的流，或把 StreamIndex 改成要显示的流的 Index。',
  },
  targetWithoutRegion: {
    message: 'TargetStreams 中的 {{stream}}（Index {{index}}）在自定义布局中没有区域，它会参与混音但不会出现在画面中。',
    fix: '为它添加一个区域，或者如果只要它的声音，就保持现状。',
  },
  targetedAndExcluded: {
    message: '{{user}} 的流同时出现在 TargetStreams 和 ExcludeStreams 中，文档没有说明哪一个优先。',
    fix: '从其中一个列表中删除它。',
  },
  duplicateTargetIndex: {
    message: 'TargetStreams 中有 {{count}} 个流使用同一个 Index {{index}}：{{streams}}。',
    fix: '给每个流一个唯一的 Index。',
  },
  duplicateStreamIndex: {
    message: '有 {{count}} 个区域使用同一个 StreamIndex {{streamIndex}}（例如 {{region}}）。',
    fix: '每个流只对应一个区域。',
  },
  tooManyRegions: {
    message: '自定义布局有 {{count}} 个区域，超过文档上限 {{max}}；火山引擎会以 InvalidParameter 拒绝。',
    fix: '最多保留 {{max}} 个区域。',
  },
  tooManyStreams: {
    message: '此布局模式有 {{count}} 路流，超过文档上限 {{max}}；火山引擎会以 InvalidParameter 拒绝。',
    fix: '最多合 {{max}} 路流，或改用自定义布局（最多 30 路）。',
  },
  targetsEmpty: {
    message: 'TargetStreams 为空：房间内所有流都参与合流。',
    fix: '如果只想合部分流，请在 TargetStreams 中列出它们。',
  },
  canvasSizeInvalid: {
    message: '{{field}} 为 {{value}}，不在文档范围内（2 到 1920 之间的偶数）；画布按 {{drawn}} 绘制。',
    fix: '改用 {{suggestion}} 这样的有效值。',
  },
  encodeSizeIgnored: {
    message: '自定义布局下 Encode 的宽高（{{encode}}）不起作用：输出尺寸是画布的 {{canvas}}。',
    fix: '在 Layout.CustomLayout.Canvas 中设置输出尺寸；让 Encode 与之一致或不填，以免混淆。',
  },
  approximateLayout: {
    message: 'LayoutMode {{mode}}（{{modeName}}）由火山引擎自己的模板排版，文档只给了示意图：画布显示的是 {{streams}} 路流的近似效果。',
    fix: '需要精确控制画面时，请使用自定义布局（LayoutMode 2）。',
  },
  parseIssue: {
    message: '字段 {{path}} 与文档不符，已忽略：{{detail}}',
    fix: '按文档的类型发送该字段；在此之前按默认值处理。',
  },
};
