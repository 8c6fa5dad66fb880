import type { WarningCode } from '../../shared/layout-warnings.ts';
import type { ComparisonCode } from '../../shared/output-compare-codes.ts';

/**
 * 布局警告的中文模板。英文由 src/shared 的检查函数直接生成（含计算出的细节）；中文用同一组
 * params 填充。百分比参数是 0 到 1 的小数，用 i18next 的 number 格式化显示为百分数。
 */
const pct = (name: string) => `{{${name}, number(style: percent; maximumFractionDigits: 0)}}`;

export const warningZh: Record<WarningCode | ComparisonCode, { message: string; fix: string }> = {
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
  valueReset: {
    message: '{{region}} 的 {{field}} 为 {{sent}}，超出 {{range}}：火山引擎会把它重置为默认值 {{used}}，mixscope 也按此绘制。',
    fix: '{{field}} 取 {{range}} 内的值，或者不填以使用默认值。',
  },
  sourceCroppedAway: {
    message: `只有 ${pct('used')} 的源画面进入 {{region}} 的区域：SourceCrop（及 RenderMode）保留的画面不到四分之一（按 {{aspect}} 的源画面计算）。`,
    fix: '放大 SourceCrop（WidthProportion、HeightProportion 是裁剪前画面的比例），或去掉 SourceCrop 以显示完整画面。',
  },
  sourceStretched: {
    message: 'RenderMode {{renderMode}} 不管形状直接把画面缩放到 {{region}} 的区域：人脸被{{direction}} {{factor}} 倍（按 {{aspect}} 的源画面计算）。',
    fix: '改用 RenderMode 1（裁剪填满）或 2（完整显示），或让区域（或其 SourceCrop）与源画面形状一致。',
  },
  cropAspectCut: {
    message: `{{region}} 的 SourceCrop 与区域形状不同，RenderMode 1 会从选中的窗口再裁掉 ${pct('share')}（按 {{aspect}} 的源画面计算）。`,
    fix: '让 SourceCrop 的宽高比与区域一致，选中的内容才会完整显示。',
  },
  cropAspectBars: {
    message: `{{region}} 的 SourceCrop 与区域形状不同，RenderMode 2 会让区域的 ${pct('share')} 成为背景色边条（按 {{aspect}} 的源画面计算）。`,
    fix: '让 SourceCrop 的宽高比与区域一致，以填满区域。',
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
  // 声明的布局与混流器实际应用的布局（输出流的 SEI）及输出流本身的比较。
  appliedRegionMissing: {
    message: '任务为 {{region}} 安排了区域，但混流器实际应用的布局中没有这个用户的区域：观众看不到他。',
    fix: '检查该用户是否在房间内并在发布视频（不发布视频的用户没有区域），以及 TargetStreams 中的 UserId 是否与其进房时一致。',
  },
  speakerNotShown: {
    message: '"{{user}}" 正在说话（SEI 的 infos 中 talk 为 true），声音在合流中，但画面中没有他的区域：观众听得到却看不到。',
    fix: '在自定义布局中为该用户添加区域；如果只想要他的声音，就把他从 TargetStreams 中去掉或保持现状。',
  },
  appliedCanvasDiffers: {
    message: '任务的画布为 {{declaredWidth}} × {{declaredHeight}}（{{source}}），而布局 SEI 显示混流器在 {{appliedWidth}} × {{appliedHeight}} 的画布上排版。mixscope 会把声明的区域缩放到该画布后再比较。',
    fix: '确认当前生效的任务是你预期的那个（更新可能尚未生效），以及画布尺寸在文档范围内。',
  },
  appliedRegionRect: {
    message: '{{region}} 的区域在输出中位于 {{applied}}，任务安排的是 {{declared}}，相差超过取整允许的 {{tolerance}} 像素。',
    fix: 'mixscope 读取任务和输出之间有片刻间隔：如果任务刚更新过，请再查一次。如果差异一直存在，请对照原始 SEI JSON 与任务。',
  },
  appliedRegionZOrder: {
    message: '{{region}} 的区域在输出中的 ZOrder 为 {{applied}}，任务给的是 {{declared}}，遮挡关系可能与声明的不同。',
    fix: 'mixscope 读取任务和输出之间有片刻间隔：如果任务刚更新过，请再查一次。如果差异一直存在，请对照原始 SEI JSON 与任务。',
  },
  appliedRegionAlpha: {
    message: '{{region}} 的区域在输出中的 Alpha 为 {{applied}}，任务给的是 {{declared}}。超出文档范围的 Alpha 会被火山引擎重置。',
    fix: '检查任务中该区域的 Alpha（0 到 1）；如果任务刚更新过，请再查一次。',
  },
  appliedRegionRenderMode: {
    message: '{{region}} 的区域在 SEI 中的 renderMode 为 {{applied}}，任务的 RenderMode 为 {{declared}}。mixscope 假定 SEI 与 API 使用相同的编号，文档并未确认；若确实不同，画面的裁剪或留边会与任务要求的不同。',
    fix: '看视频中的这个区域：是裁剪填满（RenderMode 1）还是带黑边完整显示（RenderMode 2）。修改任务前先对照原始 SEI JSON。',
  },
  appliedRegionExtra: {
    message: '实际应用的布局中有 "{{user}}" 的区域，而任务的布局没有安排他。',
    fix: '检查任务的 Regions 和 TargetStreams：TargetStreams 为空时会合入房间内所有人，模板布局会为每一路合入的流排版。如果任务刚更新过，请再查一次。',
  },
  speakerNotDeclared: {
    message: 'SEI 的 infos 中有 "{{user}}"，他的声音在合流中，但任务的 TargetStreams 没有列出他。',
    fix: '检查当前生效任务的 TargetStreams 和 ExcludeStreams；如果任务刚更新过，请再查一次。',
  },
  streamResolution: {
    message: '任务要求输出 {{declaredWidth}} × {{declaredHeight}}（{{source}}），输出流却是 {{streamWidth}} × {{streamHeight}}。',
    fix: '检查任务的输出尺寸是否超出你的火山引擎 RTC 套餐和地域允许的合流最大分辨率，以及任务之后是否被更新过；混流器给不了的尺寸会被降低，而不是被拒绝。',
  },
  streamFrameRate: {
    message: 'Encode 要求 {{asked}} fps，输出流实际为 {{measured}} fps。',
    fix: '检查当前生效任务的 Encode.VideoFps，以及发布端发送的帧率：输入没有的帧混流器补不出来，混流器负载高或输入慢也会降低帧率。',
  },
  streamGop: {
    message: 'Encode 要求每 {{asked}} 秒一个关键帧，输出流实际每 {{measured}} 秒一个。',
    fix: '检查当前生效任务的 Encode.VideoGop（秒，1 到 5）；会转码的 CDN 会使用自己的关键帧间隔，可用源站的拉流地址对比。',
  },
  streamBitrate: {
    message: 'Encode 要求视频码率 {{asked}} kbit/s，在读取的 {{seconds}} 秒内输出流为 {{measured}} kbit/s。静止画面的短时读取可能远低于目标，这只是提示，不是结论。',
    fix: '检查当前生效任务的 Encode.VideoBitrate，并在画面运动时再读一次；会转码的 CDN 会使用自己的码率。',
  },
  appliedUnitsRatios: {
    message: '布局 SEI 中所有 x、y、w、h 都在 0 到 1 之间，mixscope 把它们当作画布的比例来读。火山引擎的示例用的是像素，文档没有说明：这只是 mixscope 的解读。',
    fix: '相信这些矩形之前，先对照原始 SEI JSON 和画面。',
  },
  declaredApproximate: {
    message: 'LayoutMode {{mode}} 由火山引擎自己的模板排版，文档只给了示意图，所以 mixscope 只比较安排了哪些用户，不比较矩形、ZOrder、Alpha 和 RenderMode。',
    fix: 'SEI 中的矩形就是模板的实际效果。需要精确控制时请使用自定义布局（LayoutMode 2）。',
  },
  regionsWithoutUser: {
    message: '区域按用户 ID 匹配；有 {{declared}} 个声明的区域和 {{applied}} 个实际应用的区域没有用户 ID，未参与比较。',
    fix: '让每个区域都对应一个带 UserId 的流（StreamIndex 与 TargetStreams 中的 Index 一致），以便比较。',
  },
};
