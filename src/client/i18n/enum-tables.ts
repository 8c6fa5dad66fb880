import {
  ALTERNATE_IMAGE_FILL_MODE, AUDIO_CHANNELS, AUDIO_CODEC, AUDIO_PROFILE, CONTROL_MEDIA_TYPE,
  FRAME_INTERPOLATION_MODE, LAYOUT_MODE, MEDIA_TYPE, PUSH_STREAM_MODE, PUSH_STREAM_STATE, RENDER_MODE,
  SEI_CONTENT_MODE, STREAM_TYPE, TASK_STATUS, VIDEO_CODEC, type EnumTable,
} from '../../shared/volc-enums.ts';

/** The enum tables by the id used in translation keys: `enum.<id>.<name>`. */
export const ENUM_TABLES = {
  taskStatus: TASK_STATUS,
  pushState: PUSH_STREAM_STATE,
  layoutMode: LAYOUT_MODE,
  renderMode: RENDER_MODE,
  mediaType: MEDIA_TYPE,
  controlMediaType: CONTROL_MEDIA_TYPE,
  streamType: STREAM_TYPE,
  videoCodec: VIDEO_CODEC,
  audioCodec: AUDIO_CODEC,
  audioProfile: AUDIO_PROFILE,
  audioChannels: AUDIO_CHANNELS,
  frameInterpolation: FRAME_INTERPOLATION_MODE,
  pushStreamMode: PUSH_STREAM_MODE,
  alternateImageFill: ALTERNATE_IMAGE_FILL_MODE,
  seiContentMode: SEI_CONTENT_MODE,
} satisfies Record<string, EnumTable>;

export type EnumTableId = keyof typeof ENUM_TABLES;

/** English enum labels, derived from the shared tables so the words live in one place. */
export function englishEnumMessages(): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [id, table] of Object.entries(ENUM_TABLES)) {
    out[id] = Object.fromEntries(Object.values(table).map((e) => [e.name, e.label]));
  }
  return out;
}
