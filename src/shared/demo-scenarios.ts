import type { ApiVersion } from './api-versions.ts';
import type { TaskRef } from './task-ref.ts';

/**
 * The simulator's named demo scenarios. Shared so the browser can list them (the demo gallery)
 * without importing the simulator; the simulator builds each scenario's task from its id.
 * Every task lives under one AppId, each in its own room; all start relative to the simulator's
 * start, so they are inside the 72-hour window (except the one that is meant not to be).
 */
export const DEMO_APP_ID = 'demo-app';

export type DemoTag =
  | 'layout' // worth opening for the drawing
  | 'lifecycle' // worth watching over time
  | 'live' // still running when the simulator starts
  | 'ended'
  | 'error' // the query answers with a Volcengine error
  | 'fault' // the query answers with a simulated fault (latency, 5xx, malformed, timeout, throttling)
  | 'client' // started by a client SDK (userId@@taskId)
  | 'pixels'; // a 2023 pixel-model task

export interface DemoScenario {
  id: string;
  title: string;
  description: string;
  ref: TaskRef;
  tags: readonly DemoTag[];
}

function ref(roomId: string, id: { taskId?: string; userId?: string }, version: ApiVersion = '2020-12-01'): TaskRef {
  return { appId: DEMO_APP_ID, roomId, ...id, version };
}

export const DEMO_SCENARIOS = [
  { id: 'live-basic', title: 'A plain running task', description: 'Host and guest side by side on a 1280×720 canvas. Keeps running for as long as the simulator does.', ref: ref('room-live', { taskId: 'live-mix' }), tags: ['live', 'layout'] },
  { id: 'online-class', title: 'Online class', description: 'Screen share, the teacher large beside it and six students below; the screen share is added by an update, the background changes later. Its output leaves student stu-fay out of the picture.', ref: ref('class-math-101', { taskId: 'class-mix' }), tags: ['live', 'layout', 'lifecycle'] },
  { id: 'pk-battle', title: 'PK battle', description: 'Two hosts side by side; when the battle ends an update leaves the winner alone on the canvas. Encode asks for 30 fps; the output runs at 15.', ref: ref('pk-arena-7', { taskId: 'pk-mix' }), tags: ['live', 'layout', 'lifecycle'] },
  { id: 'podcast-audio', title: 'Audio-only podcast', description: 'Three audio-only speakers drawn as AlternateImage avatars with rounded corners on a background image.', ref: ref('podcast-ep42', { taskId: 'podcast-mix' }), tags: ['live', 'layout'] },
  { id: 'webinar-pip', title: 'Webinar with picture-in-picture', description: 'Slides full screen, presenter and panelist in rounded picture-in-picture windows; 2023-06-01 pixel model with SEIConfig. Half an hour of task time after the simulator starts, the panelist loses her connection and her window goes empty.', ref: ref('webinar-q3', { taskId: 'webinar-mix' }, '2023-06-01'), tags: ['live', 'layout', 'pixels'] },
  { id: 'gallery-30', title: '30-person gallery', description: 'The largest custom layout allowed: 30 regions in a 6×5 grid on a 1920×1080 canvas, which the output caps at 1280×720.', ref: ref('town-hall', { taskId: 'gallery-mix' }), tags: ['live', 'layout'] },
  { id: 'broken-layout', title: 'Broken layout', description: 'What support tickets are made of: a region off the canvas, one hidden behind an opaque region, one nearly transparent, one cropped almost away, one StreamIndex with no stream, an avatar URL that does not load.', ref: ref('support-ticket-4711', { taskId: 'broken-mix' }), tags: ['live', 'layout'] },
  { id: 'flaky-cdn', title: 'Flaky CDN', description: 'Pushing, with reconnect storms every few minutes.', ref: ref('room-flaky', { taskId: 'flaky-mix' }), tags: ['live', 'lifecycle'] },
  { id: 'cdn-gave-up', title: 'Reconnects, then an unknown stop', description: 'Reconnects grow more frequent until the task stops with UnknownStopReason.', ref: ref('room-lost', { taskId: 'lost-mix' }), tags: ['ended', 'lifecycle'] },
  { id: 'start-failure', title: 'Start failure', description: 'The CDN never accepts the push: a few connection attempts, then Status 4 with StartTaskFailed.', ref: ref('room-bad-url', { taskId: 'failed-mix' }), tags: ['ended', 'lifecycle'] },
  { id: 'idle-timeout', title: 'Idle timeout', description: 'Everyone left the room; after MaxIdleTime (180 s) the task stopped with IdleTimeOut.', ref: ref('room-empty', { taskId: 'idle-mix' }), tags: ['ended', 'lifecycle'] },
  { id: 'ended-by-api', title: 'Ended by the API', description: 'The documented response example, stopped by StopPushStreamToCDN, with PushStreamState sent as the string "6" as in the docs.', ref: ref('room-ended', { taskId: 'ended-mix' }), tags: ['ended', 'layout'] },
  { id: 'starting-soon', title: 'Not started yet', description: 'Status 1 for three minutes of task time, then it starts, connects and pushes.', ref: ref('room-waiting', { taskId: 'waiting-mix' }), tags: ['live', 'lifecycle'] },
  { id: 'pixel-2023-11', title: '2023-11-01 pixel task', description: 'Regions in integer canvas pixels, SEIConfig, no MaxRecordTime; CornerRadius 0 is allowed in this version.', ref: ref('room-pixel', { taskId: 'pixel-mix' }, '2023-11-01'), tags: ['live', 'layout', 'pixels'] },
  { id: 'client-task', title: 'Client-started task', description: 'Started by user lily from the client SDK: TaskId lily@@cam-mix.', ref: ref('room-client', { taskId: 'lily@@cam-mix' }), tags: ['live', 'client', 'layout'] },
  { id: 'client-first-task', title: "A user's first client task", description: "Queried by UserId alone: lily's first task, ended when she left the room (UserDisconnect).", ref: ref('room-client', { userId: 'lily' }), tags: ['ended', 'client'] },
  { id: 'minimal-defaults', title: 'Minimal task, all defaults', description: 'Only a PushURL: adaptive layout, all streams in the room, every Encode and Control value at its default.', ref: ref('room-minimal', { taskId: 'minimal-mix' }), tags: ['live'] },
  { id: 'expired-72h', title: 'Older than 72 hours', description: 'Started 73 hours ago: the API no longer returns it and answers with an error.', ref: ref('room-archive', { taskId: 'old-mix' }), tags: ['error'] },
  { id: 'fault-slow', title: 'Slow answers', description: 'The task answers after 3 seconds of latency.', ref: ref('room-faults', { taskId: 'slow-mix' }), tags: ['fault'] },
  { id: 'fault-5xx', title: 'Intermittent 503', description: 'For 30 s of every minute of task time, the endpoint answers HTTP 503 ServiceUnavailableTemp.', ref: ref('room-faults', { taskId: 'unavailable-mix' }), tags: ['fault'] },
  { id: 'fault-malformed', title: 'Malformed JSON', description: 'The endpoint answers HTTP 200 with a truncated JSON body.', ref: ref('room-faults', { taskId: 'malformed-mix' }), tags: ['fault'] },
  { id: 'fault-timeout', title: 'No answer', description: 'The endpoint never answers; the caller has to time out.', ref: ref('room-faults', { taskId: 'timeout-mix' }), tags: ['fault'] },
  { id: 'fault-throttle', title: 'Throttled', description: 'Every query is refused with HTTP 429 FlowLimitExceeded.', ref: ref('room-faults', { taskId: 'throttled-mix' }), tags: ['fault'] },
] as const satisfies readonly DemoScenario[];

export type DemoScenarioId = (typeof DEMO_SCENARIOS)[number]['id'];

export function findDemoScenario(id: string): DemoScenario | undefined {
  return DEMO_SCENARIOS.find((s) => s.id === id);
}
