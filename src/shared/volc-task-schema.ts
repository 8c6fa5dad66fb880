import * as z from 'zod/mini';
import { lenientBoolean, lenientNumber } from './lenient-leaves.ts';

/**
 * The PushMixedStreamToCDNTask object of every API version (2020-12-01, 2023-06-01,
 * 2023-11-01) as one schema: every field optional, unknown keys kept. The version decides how
 * fields are read (see layout-normalise.ts), not whether they parse.
 *
 * The schema is built twice from one description: `strict` reports every field that is not what
 * the docs say, `lenient` drops such a field (it becomes absent, so its default applies) and keeps
 * everything else. parseTask() runs both: data from the lenient pass, messages from the strict one.
 */
type Mode = 'strict' | 'lenient';

function build(mode: Mode) {
  const opt = <T extends z.core.SomeType>(schema: T) =>
    mode === 'strict' ? z.optional(schema) : z.catch(z.optional(schema), undefined);
  // In lenient mode one bad element must not lose its neighbours, nor shift their positions
  // (support engineers count Regions[] by index): it becomes an empty object, so its required
  // fields show as missing.
  const list = <T extends z.ZodMiniObject>(item: T) =>
    opt(z.array(mode === 'strict' ? item : z.catch(item, () => ({}) as z.infer<T>)));
  const num = opt(lenientNumber);
  const bool = opt(lenientBoolean);
  const str = opt(z.string());
  const triple = opt(z.array(lenientNumber));

  const Stream = z.looseObject({ UserId: str, Index: num, StreamType: num });
  const Streams = z.looseObject({ StreamList: list(Stream) });

  const SourceCrop = z.looseObject({
    LocationX: num,
    LocationY: num,
    WidthProportion: num,
    HeightProportion: num,
  });

  const Region = z.looseObject({
    StreamIndex: num,
    LocationX: num,
    LocationY: num,
    WidthProportion: num, // 2020-12-01
    HeightProportion: num, // 2020-12-01
    Width: num, // 2023-06-01 and later, pixels
    Height: num,
    ZOrder: num,
    Alpha: num,
    CornerRadius: num,
    RenderMode: num,
    SourceCrop: opt(SourceCrop),
    AlternateImage: str,
    AlternateImageFillMode: num,
    MediaType: num,
    ApplySpatialAudio: bool,
    SpatialPosition: triple,
  });

  const Canvas = z.looseObject({ Width: num, Height: num, Background: str, BackgroundImage: str });

  const Layout = z.looseObject({
    LayoutMode: num,
    MainVideoStream: opt(Stream),
    MainVideoStreamIndex: num,
    CustomLayout: opt(z.looseObject({ Canvas: opt(Canvas), Regions: list(Region) })),
  });

  const Encode = z.looseObject({
    VideoCodec: num,
    VideoBitrate: num,
    VideoWidth: num,
    VideoHeight: num,
    VideoFps: num,
    VideoGop: num,
    AudioCodec: num,
    AudioProfile: num,
    AudioBitrate: num,
    AudioSampleRate: num,
    AudioChannels: num,
  });

  const SEIConfig = z.looseObject({
    AddVolumeValue: bool,
    PassthroughRTCSEIMessage: bool,
    SEIContentMode: num,
    SEIPayLoadType: num,
    SEIPayloadUUID: str,
    UserConfigExtraInfo: str,
    VolumeIndicationInterval: num,
    VolumeIndicationMode: bool,
  });

  const SpatialConfig = z.looseObject({
    EnableSpatialRender: bool,
    AudienceSpatialPosition: triple,
    AudienceSpatialOrientation: opt(z.looseObject({ Forward: triple, Right: triple, Up: triple })),
  });

  const Control = z.looseObject({
    MediaType: num,
    FrameInterpolationMode: num,
    MaxIdleTime: num,
    MaxRecordTime: num,
    PushStreamMode: num,
    TalkVolume: num,
    VolumeIndicationMode: bool,
    VolumeIndicationInterval: num,
    SpatialConfig: opt(SpatialConfig),
    SEIConfig: opt(SEIConfig),
  });

  const Task = z.looseObject({
    StartTime: num,
    EndTime: num,
    Status: num,
    PushStreamState: num,
    StopReason: str,
    PushURL: str,
    TargetStreams: opt(Streams),
    ExcludeStreams: opt(Streams),
    Encode: opt(Encode),
    Layout: opt(Layout),
    Control: opt(Control),
  });

  return { Task, Stream, Region, Canvas, Layout, Encode, Control };
}

export const strictSchemas = build('strict');
export const lenientSchemas = build('lenient');

export type VolcTask = z.infer<typeof lenientSchemas.Task>;
export type VolcRegion = z.infer<typeof lenientSchemas.Region>;
export type VolcStream = z.infer<typeof lenientSchemas.Stream>;
export type VolcLayout = z.infer<typeof lenientSchemas.Layout>;
export type VolcEncode = z.infer<typeof lenientSchemas.Encode>;
export type VolcControl = z.infer<typeof lenientSchemas.Control>;
