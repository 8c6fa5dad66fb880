/**
 * Every documented Volcengine enum with a stable name (the i18n key) and an English label.
 * Values outside a table are kept and shown as "unknown (n)", never rejected: Volcengine may add
 * values before its docs do.
 */

export type Tone = 'neutral' | 'good' | 'progress' | 'warning' | 'bad';

export interface EnumEntry {
  name: string;
  label: string;
  /** A glyph so that state never relies on colour alone. */
  glyph?: string;
  tone?: Tone;
}

export type EnumTable = Readonly<Record<number, EnumEntry>>;

export const TASK_STATUS: EnumTable = {
  0: { name: 'unknownError', label: 'Unknown error state', glyph: '?', tone: 'bad' },
  1: { name: 'notStarted', label: 'Not started', glyph: '○', tone: 'neutral' },
  2: { name: 'running', label: 'Running', glyph: '▶', tone: 'good' },
  3: { name: 'ended', label: 'Ended', glyph: '■', tone: 'neutral' },
  4: { name: 'failed', label: 'Failed', glyph: '✕', tone: 'bad' },
};

export const PUSH_STREAM_STATE: EnumTable = {
  0: { name: 'unavailable', label: 'State not available yet', glyph: '…', tone: 'neutral' },
  1: { name: 'notPushing', label: 'Not pushing yet', glyph: '○', tone: 'neutral' },
  2: { name: 'connecting', label: 'Connecting to CDN', glyph: '◔', tone: 'progress' },
  3: { name: 'reconnecting', label: 'Reconnecting to CDN', glyph: '↻', tone: 'warning' },
  4: { name: 'connected', label: 'Connected, starting push', glyph: '◑', tone: 'progress' },
  5: { name: 'pushing', label: 'Pushing', glyph: '●', tone: 'good' },
  6: { name: 'stopped', label: 'Push stopped', glyph: '■', tone: 'neutral' },
};

export const LAYOUT_MODE: EnumTable = {
  0: { name: 'adaptive', label: 'Adaptive' },
  1: { name: 'vertical', label: 'Vertical' },
  2: { name: 'custom', label: 'Custom' },
  3: { name: 'sideBySide', label: 'Side by side' },
};

export const RENDER_MODE: EnumTable = {
  0: { name: 'stretch', label: 'Scale to region (may distort)' },
  1: { name: 'cropFill', label: 'Crop to fill' },
  2: { name: 'fit', label: 'Fit inside, bars' },
  3: { name: 'stretchClient', label: 'Scale to region (client logic)' },
};

export const MEDIA_TYPE: EnumTable = {
  0: { name: 'audioVideo', label: 'Audio and video' },
  1: { name: 'audioOnly', label: 'Audio only', glyph: '♪' },
  2: { name: 'videoOnly', label: 'Video only', glyph: '▣' },
};

export const CONTROL_MEDIA_TYPE: EnumTable = {
  0: { name: 'audioVideo', label: 'Audio and video' },
  1: { name: 'audioOnly', label: 'Audio only' },
};

export const STREAM_TYPE: EnumTable = {
  0: { name: 'camera', label: 'Camera' },
  1: { name: 'screen', label: 'Screen share', glyph: '▭' },
};

export const VIDEO_CODEC: EnumTable = {
  0: { name: 'h264', label: 'H.264' },
  1: { name: 'bytevc1', label: 'ByteVC1' },
};

export const AUDIO_CODEC: EnumTable = { 0: { name: 'aac', label: 'AAC' } };

export const AUDIO_PROFILE: EnumTable = {
  0: { name: 'lc', label: 'AAC-LC' },
  1: { name: 'heV1', label: 'HE-AAC v1' },
  2: { name: 'heV2', label: 'HE-AAC v2' },
};

export const AUDIO_CHANNELS: EnumTable = {
  1: { name: 'mono', label: 'Mono' },
  2: { name: 'stereo', label: 'Stereo' },
};

export const FRAME_INTERPOLATION_MODE: EnumTable = {
  0: { name: 'repeatLast', label: 'Repeat last frame' },
  1: { name: 'black', label: 'Black frame' },
};

export const PUSH_STREAM_MODE: EnumTable = {
  0: { name: 'onFirstStream', label: 'Start when a user publishes' },
  1: { name: 'immediately', label: 'Start right after the call' },
};

export const ALTERNATE_IMAGE_FILL_MODE: EnumTable = {
  0: { name: 'sourceRatio', label: "Scale to the user's frame ratio" },
  1: { name: 'imageRatio', label: "Keep the image's own ratio" },
};

export const SEI_CONTENT_MODE: EnumTable = {
  0: { name: 'full', label: 'Full' },
  1: { name: 'volumeTimestamp', label: 'Volume and timestamp only' },
};

export const STOP_REASONS = ['UnknownStopReason', 'StopByAPI', 'StartTaskFailed', 'IdleTimeOut', 'UserDisconnect'] as const;
export type StopReason = (typeof STOP_REASONS)[number];

export interface DescribedEnum extends EnumEntry {
  value: number | undefined;
  known: boolean;
}

/** Looks a value up; unknown values become "unknown (7)", an absent value "not reported". */
export function describeEnum(table: EnumTable, value: number | undefined): DescribedEnum {
  if (value === undefined) return { value, known: false, name: 'absent', label: 'not reported', glyph: '–', tone: 'neutral' };
  const entry = table[value];
  if (entry) return { ...entry, value, known: true };
  return { value, known: false, name: 'unknown', label: `unknown (${value})`, glyph: '?', tone: 'warning' };
}
