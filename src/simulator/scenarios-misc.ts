import { DAY, MINUTE, placeAt, pushUrl, script, STANDARD_CONTROL, STANDARD_ENCODE, streamsOf, type ScenarioContext } from './scenario-kit.ts';
import type { TaskScript } from './sim-types.ts';

const HD = { w: 1280, h: 720 };

/**
 * Everything support sees in customers' layouts at once. Volcengine would refuse the unmapped
 * StreamIndex at Start; it is here anyway because pasted JSON and older tasks contain such
 * things, and the inspector must flag each one.
 */
export function brokenLayout(ctx: ScenarioContext): TaskScript[] {
  const at = placeAt(HD);
  return [script('support-ticket-4711', 'broken-mix', ctx.origin - 15 * MINUTE, {
    repeatEveryMs: DAY,
    body: {
      PushURL: pushUrl('ticket-4711'),
      TargetStreams: streamsOf('host-ava', 'guest-off', 'guest-hidden', 'guest-ghost', 'guest-cropped'),
      Encode: { ...STANDARD_ENCODE, VideoWidth: 1280, VideoHeight: 720 },
      Layout: {
        LayoutMode: 2,
        CustomLayout: {
          Canvas: { Width: 1280, Height: 720, Background: '#2b2b2b' },
          Regions: [
            at(0, 0, 0, 640, 720, { ZOrder: 5, Alpha: 1 }),
            // Runs 384 px past the right edge.
            at(1, 1024, 72, 640, 360, { ZOrder: 1 }),
            // Entirely under region 0, which is opaque and above it.
            at(2, 64, 72, 384, 288, { ZOrder: 2, AlternateImage: 'https://cdn.example.com/avatars/missing.png' }),
            // 5 % opaque: there, but nobody can see it.
            at(3, 700, 400, 320, 180, { ZOrder: 3, Alpha: 0.05 }),
            // SourceCrop keeps a 10 % sliver of the source frame.
            at(4, 700, 40, 320, 180, { ZOrder: 3, SourceCrop: { LocationX: 0.9, LocationY: 0, WidthProportion: 0.1, HeightProportion: 1 } }),
            // No TargetStreams entry has Index 7.
            at(7, 1040, 480, 240, 240, { ZOrder: 4 }),
          ],
        },
      },
      Control: STANDARD_CONTROL,
    },
  })];
}

/**
 * Client-SDK tasks of user lily: her first task (empty client taskId, stored as `lily`) ended
 * when she left the room; her second one (`lily@@cam-mix`) is running.
 */
export function clientTasks(ctx: ScenarioContext): TaskScript[] {
  const at = placeAt(HD);
  const body = {
    PushURL: pushUrl('lily-cam'),
    TargetStreams: streamsOf('lily', 'fan-joe'),
    Encode: { ...STANDARD_ENCODE, VideoWidth: 1280, VideoHeight: 720 },
    Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280, Height: 720 }, Regions: [at(0, 0, 0, 1280, 720, { RenderMode: 1 }), at(1, 960, 500, 288, 192, { ZOrder: 1, CornerRadius: 0.01 })] } },
    Control: STANDARD_CONTROL,
  };
  return [
    script('room-client', 'lily', ctx.origin - 90 * MINUTE, { userId: 'lily', ending: { kind: 'stop', atMs: 40 * MINUTE, reason: 'UserDisconnect' }, body }),
    // fan-joe's connection drops five minutes in: the room APIs show lily alone from then on.
    script('room-client', 'lily@@cam-mix', ctx.origin - 10 * MINUTE, { userId: 'lily', repeatEveryMs: DAY, body, departures: [{ userId: 'fan-joe', atMs: 5 * MINUTE, reason: 'connectionLost' }] }),
  ];
}

/** Only the required PushURL: every other section absent, so every default applies. */
export function minimalDefaults(ctx: ScenarioContext): TaskScript[] {
  return [script('room-minimal', 'minimal-mix', ctx.origin - 5 * MINUTE, {
    repeatEveryMs: DAY,
    waitPublisherMs: 2000, // PushStreamMode defaults to 0: wait for the first published stream
    body: { PushURL: pushUrl('minimal') },
  })];
}
