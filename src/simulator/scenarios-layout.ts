import {
  asset, DAY, grid, HOUR, MINUTE, placeAt, pushUrl, script, STANDARD_CONTROL, STANDARD_ENCODE, streamsOf,
  type ScenarioContext,
} from './scenario-kit.ts';
import { randomInt } from './sim-random.ts';
import type { TaskScript } from './sim-types.ts';

/** Scenarios that are mostly about how the layout looks. */

const HD = { w: 1280, h: 720 };
const FHD = { w: 1920, h: 1080 };
const canvas = (size: { w: number; h: number }, extra: { Background?: string; BackgroundImage?: string } = {}) => ({
  Width: size.w, Height: size.h, Background: '#1f2430', ...extra,
});

export function liveBasic(ctx: ScenarioContext): TaskScript[] {
  const at = placeAt(HD);
  return [script('room-live', 'live-mix', ctx.origin - 25 * MINUTE, {
    // A 24/7 channel: its backend restarts the task daily, so it never leaves the 72-hour window.
    repeatEveryMs: DAY,
    reconnects: [{ atMs: 40 * MINUTE, durationMs: 6000 }],
    body: {
      PushURL: pushUrl('live-basic'),
      TargetStreams: streamsOf('host-ava', 'guest-ben'),
      Encode: { ...STANDARD_ENCODE, VideoWidth: 1280, VideoHeight: 720 },
      Layout: { LayoutMode: 2, CustomLayout: { Canvas: canvas(HD), Regions: [at(0, 0, 0, 640, 720, { RenderMode: 1 }), at(1, 640, 0, 640, 720, { RenderMode: 1 })] } },
      Control: STANDARD_CONTROL,
    },
  })];
}

export function onlineClass(ctx: ScenarioContext): TaskScript[] {
  const at = placeAt(FHD);
  const students = ['stu-amy', 'stu-bo', 'stu-chen', 'stu-dara', 'stu-eli', 'stu-fay'];
  const studentRow = (first: number) => students.map((_, i) => at(first + i, i * 320, 720, 320, 360, { RenderMode: 1, ZOrder: 1 }));
  const bg = { BackgroundImage: asset(ctx, 'class-background.png') };
  return [script('class-math-101', 'class-mix', ctx.origin - randomInt(ctx.rng, 28, 34) * MINUTE, {
    ending: { kind: 'stop', atMs: 2 * HOUR, reason: 'StopByAPI' },
    reconnects: [{ atMs: 52 * MINUTE, durationMs: 4000 }],
    // The applied layout (the output's SEI) leaves one student out: declared and applied differ.
    output: { dropUserId: 'stu-fay' },
    body: {
      PushURL: pushUrl('math-101'),
      // Before the screen share: the teacher fills the top, the students below.
      TargetStreams: streamsOf('teacher-li', ...students),
      Encode: { ...STANDARD_ENCODE, VideoBitrate: 4000 },
      Layout: { LayoutMode: 2, CustomLayout: { Canvas: canvas(FHD, bg), Regions: [at(0, 320, 0, 1280, 720, { RenderMode: 1 }), ...studentRow(1)] } },
      Control: { ...STANDARD_CONTROL, MaxIdleTime: 600 },
    },
    revisions: [
      {
        // The teacher shares the screen: a full update with the new stream and the whole layout.
        atMs: 15 * MINUTE, sequenceNumber: 1, partial: false,
        update: {
          TargetStreams: streamsOf(['teacher-li', 1], 'teacher-li', ...students),
          Encode: { ...STANDARD_ENCODE, VideoBitrate: 4000 },
          Layout: {
            LayoutMode: 2,
            CustomLayout: {
              Canvas: canvas(FHD, bg),
              Regions: [at(0, 0, 0, 1280, 720, { RenderMode: 2 }), at(1, 1280, 0, 640, 720, { RenderMode: 1 }), ...studentRow(2)],
            },
          },
          Control: { ...STANDARD_CONTROL, MaxIdleTime: 600 },
        },
      },
      // A partial update: only the background and the bitrate change; arrays are untouched.
      { atMs: 50 * MINUTE, sequenceNumber: 2, partial: true, update: { Encode: { VideoBitrate: 6000 }, Layout: { CustomLayout: { Canvas: { Background: '#0b3d2e' } } } } },
    ],
  })];
}

export function pkBattle(ctx: ScenarioContext): TaskScript[] {
  const at = placeAt(HD);
  return [script('pk-arena-7', 'pk-mix', ctx.origin - 12 * MINUTE, {
    ending: { kind: 'stop', atMs: 90 * MINUTE, reason: 'StopByAPI' },
    // Asked for 30 fps; the output runs at 15.
    output: { fps: 15 },
    body: {
      PushURL: pushUrl('pk-arena-7'),
      TargetStreams: streamsOf('host-red', 'host-blue'),
      Encode: { ...STANDARD_ENCODE, VideoFps: 30 },
      Layout: { LayoutMode: 2, CustomLayout: { Canvas: canvas(HD, { Background: '#14001f' }), Regions: [at(0, 0, 0, 640, 720, { RenderMode: 1 }), at(1, 640, 0, 640, 720, { RenderMode: 1 })] } },
      Control: { ...STANDARD_CONTROL, PushStreamMode: 1 },
    },
    revisions: [{
      atMs: 45 * MINUTE, sequenceNumber: 1, partial: true,
      update: { TargetStreams: streamsOf('host-red'), Layout: { CustomLayout: { Regions: [at(0, 0, 0, 1280, 720, { RenderMode: 1 })] } } },
    }],
  })];
}

export function podcastAudio(ctx: ScenarioContext): TaskScript[] {
  const at = placeAt(HD);
  const speaker = (i: number) => at(i, 120 + i * 380, 200, 280, 280, {
    MediaType: 1, AlternateImage: asset(ctx, `avatar-${i + 1}.png`), AlternateImageFillMode: 1, RenderMode: 1,
    CornerRadius: 0.109375, // 140 px of a 1280 px canvas: a circle on a 280 px tile
    SpatialPosition: [(i - 1) * 50, 0, 0],
  });
  return [script('podcast-ep42', 'podcast-mix', ctx.origin - 50 * MINUTE, {
    ending: { kind: 'stop', atMs: 4 * HOUR, reason: 'StopByAPI' },
    body: {
      PushURL: pushUrl('podcast-ep42'),
      TargetStreams: streamsOf('ana', 'rui', 'kim'),
      Encode: { ...STANDARD_ENCODE, VideoBitrate: 800, VideoFps: 15, AudioBitrate: 192 },
      Layout: { LayoutMode: 2, CustomLayout: { Canvas: canvas(HD, { BackgroundImage: asset(ctx, 'podcast-background.png') }), Regions: [0, 1, 2].map(speaker) } },
      Control: { ...STANDARD_CONTROL, VolumeIndicationMode: true, VolumeIndicationInterval: 1, TalkVolume: 30, SpatialConfig: { EnableSpatialRender: true, AudienceSpatialPosition: [0, 0, 0] } },
    },
  })];
}

export function webinarPip(ctx: ScenarioContext): TaskScript[] {
  const at = placeAt(FHD);
  const pip = { ZOrder: 10, CornerRadius: 0.015, RenderMode: 1 };
  return [script('webinar-q3', 'webinar-mix', ctx.origin - 20 * MINUTE, {
    ending: { kind: 'stop', atMs: 90 * MINUTE, reason: 'StopByAPI' },
    // Half an hour after the simulator starts, the panelist's network drops: her window goes empty.
    departures: [{ userId: 'panel-sue', atMs: 50 * MINUTE, reason: 'connectionLost' }],
    body: {
      PushURL: pushUrl('webinar-q3'),
      TargetStreams: streamsOf(['presenter-mo', 1], 'presenter-mo', 'panel-sue'),
      Encode: { ...STANDARD_ENCODE, VideoBitrate: 3500 },
      Layout: {
        LayoutMode: 2,
        CustomLayout: {
          Canvas: canvas(FHD, { Background: '#ffffff' }),
          Regions: [at(0, 0, 0, 1920, 1080, { RenderMode: 2 }), at(1, 1400, 770, 480, 270, pip), at(2, 1400, 480, 480, 270, { ...pip, ZOrder: 9 })],
        },
      },
      Control: { ...STANDARD_CONTROL, VolumeIndicationMode: true, VolumeIndicationInterval: 0.5, SEIConfig: { AddVolumeValue: true, SEIContentMode: 1, SEIPayLoadType: 100 } },
    },
  })];
}

export function gallery30(ctx: ScenarioContext): TaskScript[] {
  const users = Array.from({ length: 30 }, (_, i) => `attendee-${String(i + 1).padStart(2, '0')}`);
  return [script('town-hall', 'gallery-mix', ctx.origin - 8 * MINUTE, {
    ending: { kind: 'stop', atMs: 3 * HOUR, reason: 'StopByAPI' },
    // Asked for 1920×1080; the output is capped at 1280×720.
    output: { maxSize: { width: 1280, height: 720 } },
    body: {
      PushURL: pushUrl('town-hall'),
      TargetStreams: streamsOf(...users),
      Encode: { ...STANDARD_ENCODE, VideoBitrate: 5000 },
      Layout: { LayoutMode: 2, CustomLayout: { Canvas: canvas(FHD), Regions: grid(FHD, 6, 5, { RenderMode: 1 }) } },
      Control: STANDARD_CONTROL,
    },
  })];
}

export function pixel202311(ctx: ScenarioContext): TaskScript[] {
  const at = placeAt(HD);
  return [script('room-pixel', 'pixel-mix', ctx.origin - 18 * MINUTE, {
    repeatEveryMs: DAY,
    body: {
      PushURL: pushUrl('pixel-2023-11'),
      TargetStreams: streamsOf('anchor-zoe', 'guest-ivy', 'guest-max'),
      Encode: { ...STANDARD_ENCODE, VideoBitrate: 0 }, // 0 = adaptive, valid from 2023-11-01
      Layout: {
        LayoutMode: 2,
        CustomLayout: {
          Canvas: canvas(HD, { Background: '#202020' }),
          Regions: [at(0, 0, 0, 854, 720, { RenderMode: 1, CornerRadius: 0 }), at(1, 854, 0, 426, 360, { RenderMode: 1, ZOrder: 1 }), at(2, 854, 360, 426, 360, { RenderMode: 1, ZOrder: 1 })],
        },
      },
      Control: { ...STANDARD_CONTROL, VolumeIndicationMode: true, VolumeIndicationInterval: 0.3, SEIConfig: { PassthroughRTCSEIMessage: true, SEIPayLoadType: 5, SEIPayloadUUID: '566f6c63656e67696e65525443534549' } },
    },
  })];
}
