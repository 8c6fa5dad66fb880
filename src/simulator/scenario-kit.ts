import { DEMO_APP_ID } from '../shared/demo-scenarios.ts';
import { randomInt, type Rng } from './sim-random.ts';
import type { Reconnect, SimRegion, SimStream, SimStreams, TaskScript } from './sim-types.ts';

/** Building blocks for the demo scenarios: time units, pixel-placed regions, stream lists. */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** What a scenario builder gets: where "now" is when the simulator starts, and a seeded RNG. */
export interface ScenarioContext {
  origin: number;
  rng: Rng;
  /** Absolute base URL of the demo images (see demo-assets in simulator.ts). */
  assetBase: string;
}

export function asset(ctx: ScenarioContext, name: string): string {
  return `${ctx.assetBase.replace(/\/+$/, '')}/demo/${name}`;
}

/** A script with realistic default timings; scenarios override what they are about. */
export function script(roomId: string, taskId: string, createdAt: number, rest: Partial<TaskScript> & Pick<TaskScript, 'body'>): TaskScript {
  return {
    key: { appId: DEMO_APP_ID, roomId, taskId },
    createdAt,
    startDelayMs: 1200,
    unknownMs: 500,
    waitPublisherMs: 0,
    connectMs: 1500,
    handshakeMs: 700,
    reconnects: [],
    revisions: [],
    ending: { kind: 'none' },
    ...rest,
  };
}

/** A region placed in canvas pixels, stored as ratios (as the simulator stores every region). */
export function placeAt(canvas: { w: number; h: number }) {
  return (index: number, x: number, y: number, w: number, h: number, extra: Partial<SimRegion> = {}): SimRegion => ({
    StreamIndex: index,
    x: x / canvas.w,
    y: y / canvas.h,
    w: w / canvas.w,
    h: h / canvas.h,
    ...extra,
  });
}

/** Streams indexed 0..n-1 in order; a number after a name is its StreamType (1 = screen). */
export function streamsOf(...users: Array<string | [string, number]>): SimStreams {
  return {
    StreamList: users.map((u, Index): SimStream => (typeof u === 'string' ? { UserId: u, Index, StreamType: 0 } : { UserId: u[0], Index, StreamType: u[1] })),
  };
}

/** cols × rows equal tiles filling the canvas, stream i in tile i. */
export function grid(canvas: { w: number; h: number }, cols: number, rows: number, extra: Partial<SimRegion> = {}): SimRegion[] {
  const at = placeAt(canvas);
  const w = canvas.w / cols;
  const h = canvas.h / rows;
  return Array.from({ length: cols * rows }, (_, i) => at(i, (i % cols) * w, Math.floor(i / cols) * h, w, h, extra));
}

/**
 * Reconnect storms: every few minutes a burst of short reconnects. Seeded, so a given seed
 * always storms at the same moments.
 */
export function reconnectStorms(rng: Rng, fromMs: number, toMs: number, opts: { gapMin: number; gapMax: number; burstMax: number }): Reconnect[] {
  const out: Reconnect[] = [];
  let t = fromMs + randomInt(rng, opts.gapMin, opts.gapMax);
  while (t < toMs) {
    const burst = randomInt(rng, 2, opts.burstMax);
    for (let i = 0; i < burst && t < toMs; i++) {
      const durationMs = randomInt(rng, 2, 15) * SECOND;
      out.push({ atMs: t, durationMs });
      t += durationMs + randomInt(rng, 5, 30) * SECOND;
    }
    t += randomInt(rng, opts.gapMin, opts.gapMax);
  }
  return out;
}

export const STANDARD_ENCODE = {
  VideoCodec: 0,
  VideoBitrate: 2500,
  VideoFps: 25,
  VideoGop: 2,
  AudioCodec: 0,
  AudioProfile: 0,
  AudioBitrate: 128,
  AudioSampleRate: 48000,
  AudioChannels: 2,
} as const;

export const STANDARD_CONTROL = {
  MediaType: 0,
  FrameInterpolationMode: 0,
  MaxIdleTime: 180,
  PushStreamMode: 0,
} as const;

/** A push URL as customers write them; the dashboard masks the stream key after the last slash. */
export function pushUrl(stream: string): string {
  return `rtmp://push.live.example.com/live/${stream}?txSecret=5f1c0a93e27b&txTime=7A3F1C00`;
}
