import {
  asset, DAY, HOUR, MINUTE, placeAt, pushUrl, reconnectStorms, script, SECOND, STANDARD_CONTROL, STANDARD_ENCODE,
  streamsOf, type ScenarioContext,
} from './scenario-kit.ts';
import type { ScenarioFault, SimTaskBody, TaskScript } from './sim-types.ts';

/** Scenarios that are mostly about how a task lives and ends. */

const HD = { w: 1280, h: 720 };

function duoBody(stream: string): SimTaskBody {
  const at = placeAt(HD);
  return {
    PushURL: pushUrl(stream),
    TargetStreams: streamsOf('host-ava', 'guest-ben'),
    Encode: { ...STANDARD_ENCODE, VideoWidth: 1280, VideoHeight: 720 },
    Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280, Height: 720, Background: '#1f2430' }, Regions: [at(0, 0, 0, 640, 720), at(1, 640, 0, 640, 720)] } },
    Control: STANDARD_CONTROL,
  };
}

export function flakyCdn(ctx: ScenarioContext): TaskScript[] {
  return [script('room-flaky', 'flaky-mix', ctx.origin - 40 * MINUTE, {
    repeatEveryMs: DAY,
    reconnects: reconnectStorms(ctx.rng, 3 * MINUTE, DAY, { gapMin: 4 * MINUTE, gapMax: 9 * MINUTE, burstMax: 6 }),
    body: duoBody('flaky'),
  })];
}

export function cdnGaveUp(ctx: ScenarioContext): TaskScript[] {
  // Gaps shrink from eight minutes to seconds and each outage lasts longer, then the task is lost.
  const reconnects = [];
  let t = 10 * MINUTE;
  for (let i = 0; i < 10; i++) {
    t += Math.round(8 * MINUTE * 0.6 ** i);
    const durationMs = (5 + 3 * i) * SECOND;
    reconnects.push({ atMs: t, durationMs });
    t += durationMs;
  }
  return [script('room-lost', 'lost-mix', ctx.origin - 2 * HOUR, {
    reconnects,
    // Lost during the last outage, before it recovered.
    ending: { kind: 'stop', atMs: t - 2 * SECOND, reason: 'UnknownStopReason' },
    body: duoBody('lost'),
  })];
}

export function startFailure(ctx: ScenarioContext): TaskScript[] {
  return [script('room-bad-url', 'failed-mix', ctx.origin - 6 * MINUTE, {
    // The first connection attempt never completes; three retries fail the same way.
    connectMs: 5 * SECOND,
    reconnects: [6, 14, 24].map((s) => ({ atMs: s * SECOND, durationMs: 6 * SECOND })),
    ending: { kind: 'fail', atMs: 35 * SECOND },
    body: { ...duoBody('failed'), PushURL: 'rtmp://push.live.example.con/live/failed?txSecret=0d41c2' },
  })];
}

export function idleTimeout(ctx: ScenarioContext): TaskScript[] {
  // The last user left at 55 min; MaxIdleTime 180 s later the task stopped itself.
  return [script('room-empty', 'idle-mix', ctx.origin - 70 * MINUTE, {
    ending: { kind: 'stop', atMs: 55 * MINUTE + 180 * SECOND, reason: 'IdleTimeOut' },
    body: duoBody('idle'),
  })];
}

/** The response example of the API page (seed 000), as a task of this simulator. */
export function endedByApi(ctx: ScenarioContext): TaskScript[] {
  return [script('room-ended', 'ended-mix', ctx.origin - 3 * HOUR, {
    numbers: 'push-state-as-string',
    ending: { kind: 'stop', atMs: 1_504_000, reason: 'StopByAPI' }, // 1677239022000 − 1677237518000
    body: {
      PushURL: pushUrl('ended'),
      TargetStreams: { StreamList: [{ Index: 1, UserId: 'user1', StreamType: 0 }] },
      ExcludeStreams: { StreamList: [{ Index: 3, UserId: 'user3', StreamType: 1 }] },
      Layout: {
        LayoutMode: 2,
        CustomLayout: {
          Canvas: { Width: 1280, Height: 720, Background: '#303342', BackgroundImage: asset(ctx, 'class-background.png') },
          Regions: [{
            StreamIndex: 1, x: 0, y: 0.2, w: 0.5, h: 0.4, ZOrder: 0, Alpha: 1, CornerRadius: 0, RenderMode: 0,
            SourceCrop: { LocationX: 0.5, LocationY: 0.5, WidthProportion: 0.4, HeightProportion: 0.4 },
            AlternateImage: asset(ctx, 'avatar-1.png'), SpatialPosition: [1, 1, 1],
          }],
        },
      },
      Encode: {
        VideoCodec: 0, VideoBitrate: 1600, VideoWidth: 1280, VideoHeight: 720, VideoFps: 15, VideoGop: 4,
        AudioCodec: 0, AudioProfile: 0, AudioBitrate: 128, AudioSampleRate: 48000, AudioChannels: 2,
      },
      Control: {
        MediaType: 0, FrameInterpolationMode: 0, MaxIdleTime: 180, VolumeIndicationInterval: 2, VolumeIndicationMode: false,
        TalkVolume: 0, SpatialConfig: { AudienceSpatialPosition: [0, 0, 0] }, PushStreamMode: 0,
      },
    },
  })];
}

export function startingSoon(ctx: ScenarioContext): TaskScript[] {
  return [script('room-waiting', 'waiting-mix', ctx.origin - 30 * SECOND, {
    startDelayMs: 3 * MINUTE + 30 * SECOND,
    unknownMs: 4 * SECOND,
    waitPublisherMs: 20 * SECOND,
    ending: { kind: 'stop', atMs: 2 * HOUR, reason: 'StopByAPI' },
    body: duoBody('waiting'),
  })];
}

export function expired72h(ctx: ScenarioContext): TaskScript[] {
  return [script('room-archive', 'old-mix', ctx.origin - 73 * HOUR, {
    ending: { kind: 'stop', atMs: 2 * HOUR, reason: 'StopByAPI' },
    body: duoBody('archive'),
  })];
}

/** A healthy, daily-restarted task whose queries answer with a fault. */
export function faulty(taskId: string, fault: ScenarioFault) {
  return (ctx: ScenarioContext): TaskScript[] => [
    script('room-faults', taskId, ctx.origin - 30 * MINUTE, { repeatEveryMs: DAY, fault, body: duoBody(taskId) }),
  ];
}
