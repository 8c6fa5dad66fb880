import type { StopReason } from '../shared/volc-enums.ts';

/**
 * The simulator's own model of a push task. Regions are stored once, as ratios of the canvas
 * (the 2020-12-01 model), whatever version started or updated the task; render-task.ts converts
 * them to pixels for 2023 answers. Pixel input round-trips exactly: px / W * W rounds back to px.
 */

export interface SimStream {
  UserId: string;
  Index?: number;
  StreamType?: number;
}

export interface SimStreams {
  StreamList: SimStream[];
}

export interface SimSourceCrop {
  LocationX?: number;
  LocationY?: number;
  WidthProportion?: number;
  HeightProportion?: number;
}

export interface SimRegion {
  StreamIndex: number;
  /** Ratios of the canvas, [0, 1) for x and y, (0, 1] for w and h. */
  x: number;
  y: number;
  w: number;
  h: number;
  ZOrder?: number;
  Alpha?: number;
  CornerRadius?: number;
  RenderMode?: number;
  SourceCrop?: SimSourceCrop;
  AlternateImage?: string;
  AlternateImageFillMode?: number;
  MediaType?: number;
  ApplySpatialAudio?: boolean;
  SpatialPosition?: number[];
}

export interface SimCanvas {
  Width?: number;
  Height?: number;
  Background?: string;
  BackgroundImage?: string;
}

export interface SimLayout {
  LayoutMode?: number;
  MainVideoStream?: SimStream;
  MainVideoStreamIndex?: number;
  CustomLayout?: { Canvas?: SimCanvas; Regions?: SimRegion[] };
}

/** SEIConfig fields other than the two volume-indication ones, which live in SimControl. */
export interface SimSei {
  AddVolumeValue?: boolean;
  PassthroughRTCSEIMessage?: boolean;
  SEIContentMode?: number;
  SEIPayLoadType?: number;
  SEIPayloadUUID?: string;
  UserConfigExtraInfo?: string;
}

export interface SimControl {
  MediaType?: number;
  FrameInterpolationMode?: number;
  MaxIdleTime?: number;
  MaxRecordTime?: number;
  PushStreamMode?: number;
  TalkVolume?: number;
  /** Top level in 2020-12-01, inside SEIConfig from 2023-06-01 on. */
  VolumeIndicationMode?: boolean;
  VolumeIndicationInterval?: number;
  SpatialConfig?: {
    EnableSpatialRender?: boolean;
    AudienceSpatialPosition?: number[];
    AudienceSpatialOrientation?: { Forward?: number[]; Right?: number[]; Up?: number[] };
  };
  SEIConfig?: SimSei;
}

/** What StartPushMixedStreamToCDN set, as later changed by UpdatePushMixedStreamToCDN. */
export interface SimTaskBody {
  PushURL: string;
  BusinessId?: string;
  TargetStreams?: SimStreams;
  ExcludeStreams?: SimStreams;
  Encode?: Record<string, number>;
  Layout?: SimLayout;
  Control?: SimControl;
}

/** The fields an Update may carry. Arrays inside are always replaced whole. */
export type SimUpdatable = Pick<SimTaskBody, 'BusinessId' | 'TargetStreams' | 'Encode' | 'Layout' | 'Control'>;

export interface Revision {
  /** Milliseconds after the task's StartTime. */
  atMs: number;
  sequenceNumber: number;
  partial: boolean;
  update: SimUpdatable;
}

export interface Reconnect {
  /** Milliseconds after StartTime; the push is in state 3 for durationMs, then 4 briefly. */
  atMs: number;
  durationMs: number;
}

export type Ending =
  | { kind: 'none' }
  | { kind: 'stop'; atMs: number; reason: Exclude<StopReason, 'StartTaskFailed'> }
  | { kind: 'fail'; atMs: number };

/** How numbers are sent: as JSON numbers, or as strings the way the documented example does. */
export type NumberMode = 'numbers' | 'push-state-as-string' | 'all-as-strings';

export type FaultKind = 'latency' | '5xx' | 'malformed' | 'timeout' | 'throttle';

export interface Fault {
  kind: FaultKind;
  /** latency: milliseconds; 5xx: the HTTP status (500, 502, 503 or 504). */
  value?: number;
}

/** A fault a scenario's task answers with: always, or for activeMs out of every periodMs. */
export interface ScenarioFault extends Fault {
  periodMs?: number;
  activeMs?: number;
}

export interface TaskKey {
  appId: string;
  roomId: string;
  /** As stored by Volcengine: client tasks are `userId@@taskId`, or `userId` alone. */
  taskId: string;
}

export interface TaskScript {
  key: TaskKey;
  /** Set for client-started tasks: the user who started it. */
  userId?: string;
  /** StartTime, simulated Unix ms. */
  createdAt: number;
  body: SimTaskBody;
  /** Status 1 (not started) lasts this long. */
  startDelayMs: number;
  /** Push state timings once running: 0 (state unknown yet), 1 (waiting for a publisher), 2, 4. */
  unknownMs: number;
  waitPublisherMs: number;
  connectMs: number;
  handshakeMs: number;
  reconnects: Reconnect[];
  revisions: Revision[];
  ending: Ending;
  /** A 24/7 channel whose backend restarts the task (same TaskId) every repeatEveryMs. */
  repeatEveryMs?: number;
  fault?: ScenarioFault;
  numbers?: NumberMode;
  /** How the simulated mixer's output departs from the task on purpose (output-spec.ts). */
  output?: OutputDeviation;
  /** Users who leave the room while the task runs (ms after StartTime): what the room APIs report. */
  departures?: Departure[];
}

export interface Departure {
  userId: string;
  atMs: number;
  reason: 'userLeave' | 'connectionLost';
}

/** A user left out of the applied regions, the picture capped smaller, a slower frame rate. */
export interface OutputDeviation {
  dropUserId?: string;
  maxSize?: { width: number; height: number };
  fps?: number;
}

/** One event callback as the simulator's tasks' lives produce it, before it is signed and sent. */
export interface SimCallbackEvent {
  EventType: string;
  /** Simulated Unix ms of the change. */
  at: number;
  appId: string;
  data: Record<string, unknown>;
}
