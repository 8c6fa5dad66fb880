import * as z from 'zod/mini';
import { API_VERSIONS } from './api-versions.ts';
import { COMPARISON_CODES } from './output-compare-codes.ts';

/**
 * GET /api/task/output: the layout Volcengine's mixer applied (read from the SEI it writes into
 * the output stream on every I-frame) and the facts of that stream. Both sides parse with these.
 */

export const outputApiPath = '/api/task/output';

/** The SEI JSON as Volcengine documents it; lenient, because the raw text goes out beside it. */
export const VolcSeiJsonSchema = z.object({
  app_data: z.optional(z.unknown()),
  canvas: z.optional(z.object({ w: z.optional(z.number()), h: z.optional(z.number()), bgnd: z.optional(z.string()) })),
  regions: z.optional(z.array(z.object({
    uid: z.optional(z.string()),
    x: z.optional(z.number()),
    y: z.optional(z.number()),
    w: z.optional(z.number()),
    h: z.optional(z.number()),
    zorder: z.optional(z.number()),
    alpha: z.optional(z.number()),
    renderMode: z.optional(z.number()),
    contentControl: z.optional(z.number()),
  }))),
  /** Volume indication: present when the task turns it on. */
  infos: z.optional(z.array(z.object({ uid: z.optional(z.string()), volume: z.optional(z.number()), talk: z.optional(z.boolean()) }))),
});
export type VolcSeiJson = z.infer<typeof VolcSeiJsonSchema>;

export const AppliedRegionSchema = z.object({
  userId: z.nullable(z.string()),
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
  zOrder: z.nullable(z.number()),
  alpha: z.nullable(z.number()),
  renderMode: z.nullable(z.number()),
});
export type AppliedRegion = z.infer<typeof AppliedRegionSchema>;

export const AppliedLayoutSchema = z.object({
  canvas: z.object({ width: z.nullable(z.number()), height: z.nullable(z.number()), background: z.nullable(z.string()) }),
  /**
   * Units of the regions' x, y, width, height as read: `pixels` of the output canvas (what the
   * docs' examples show) or `ratios` of it (every value 0 to 1 on a larger canvas). The raw JSON
   * goes beside this, because the docs leave the unit to be confirmed on real data.
   */
  units: z.enum(['pixels', 'ratios']),
  regions: z.array(AppliedRegionSchema),
  /** The SEI's `infos` (who is heard and how loud); null when the SEI has none (volume indication off). */
  infos: z.nullable(z.array(z.object({ userId: z.nullable(z.string()), volume: z.nullable(z.number()), talk: z.nullable(z.boolean()) }))),
  /** 100 (Volcengine's default) or 5 (user_data_unregistered with the Volcengine UUID). */
  seiPayloadType: z.number(),
  /** The SEI's JSON text exactly as read. */
  rawJson: z.string(),
});
export type AppliedLayout = z.infer<typeof AppliedLayoutSchema>;

export const StreamFactsSchema = z.object({
  codec: z.literal('H.264'),
  /** profile_idc and level_idc of the SPS, with the profile's name when known (e.g. High). */
  profile: z.object({ idc: z.number(), name: z.nullable(z.string()), level: z.number() }),
  width: z.number(),
  height: z.number(),
  /** Measured from video tag timestamps over the read window. */
  fps: z.nullable(z.number()),
  /** What the SPS's VUI timing declares, when present. */
  spsFps: z.nullable(z.number()),
  /** Keyframe interval, mean over the whole GOPs read; null when fewer than two keyframes arrived. */
  gopFrames: z.nullable(z.number()),
  gopSeconds: z.nullable(z.number()),
  /** All tags (audio and video) in kbit/s over the media time read, and video alone. */
  bitrateKbps: z.nullable(z.number()),
  videoBitrateKbps: z.nullable(z.number()),
  hasAudio: z.boolean(),
});
export type StreamFacts = z.infer<typeof StreamFactsSchema>;

/** One difference between declared and applied (or Encode and the stream), worded like a layout warning. */
export const OutputWarningSchema = z.object({
  id: z.string(),
  code: z.enum(COMPARISON_CODES),
  severity: z.enum(['error', 'warning', 'info']),
  /** Declared regions concerned (ids of the normalised layout, e.g. r3). */
  regionIds: z.array(z.string()),
  /** What differs and what it means, in plain English. */
  message: z.string(),
  /** What to check. */
  fix: z.string(),
  /** The values in the message, for translations. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type OutputWarning = z.infer<typeof OutputWarningSchema>;

export const OutputComparisonSchema = z.object({
  /** How far apart (in output pixels) a declared and an applied rectangle may be and still match. */
  tolerancePx: z.number(),
  /** Errors first, then by the declared region's draw order. Empty when applied matches declared. */
  warnings: z.array(OutputWarningSchema),
});
export type OutputComparison = z.infer<typeof OutputComparisonSchema>;

export const OutputResponseSchema = z.object({
  ref: z.object({
    appId: z.string(), roomId: z.string(), taskId: z.optional(z.string()), userId: z.optional(z.string()), version: z.enum(API_VERSIONS),
  }),
  /** Host (and port) the stream was read from; never the pull URL's path, query or credentials. */
  pullHost: z.string(),
  /** `rule` when derived from the PushURL by MIXSCOPE_PULL_RULES, `typed` when the caller gave it. */
  pullUrlFrom: z.enum(['rule', 'typed']),
  /** Unix ms when the read finished. */
  readAt: z.number(),
  bytesRead: z.number(),
  /** Media time covered by the video read, in ms. */
  mediaMs: z.number(),
  applied: AppliedLayoutSchema,
  stream: StreamFactsSchema,
  comparison: OutputComparisonSchema,
});
export type OutputResponse = z.infer<typeof OutputResponseSchema>;

/**
 * Why an output could not be read, carried as `error.output.reason` beside the usual error kind,
 * so a client can say what to check without parsing the message.
 */
export const OUTPUT_FAILURE_REASONS = [
  'pull-host-not-allowed', 'bad-pull-url', 'no-pull-rule', 'no-push-url', 'cdn-http-error', 'redirect-refused',
  'unreachable', 'timeout', 'too-large', 'not-flv', 'no-video', 'not-h264', 'bad-bitstream', 'no-keyframe', 'no-sei', 'sei-not-json',
] as const;
export type OutputFailureReason = (typeof OUTPUT_FAILURE_REASONS)[number];

export const OutputErrorDetailSchema = z.object({
  reason: z.enum(OUTPUT_FAILURE_REASONS),
  pullHost: z.optional(z.string()),
  httpStatus: z.optional(z.number()),
  bytesRead: z.optional(z.number()),
});
export type OutputErrorDetail = z.infer<typeof OutputErrorDetailSchema>;
