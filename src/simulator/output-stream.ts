import { BitWriter } from '../shared/media/bit-writer.ts';
import { escapeRbsp } from '../shared/media/emulation-prevention.ts';
import { avcConfigBody, avcNaluBody, flvHeader, flvTag } from '../shared/media/flv-writer.ts';
import { volcSeiMessage, writeSei } from '../shared/media/h264-sei.ts';
import { WRITTEN_LOG2_MAX_FRAME_NUM, writePps, writeSps } from '../shared/media/h264-sps.ts';
import { encodeIdr } from './h264-intra-encoder.ts';
import { renderScene, sceneFromSeiJson, type OutputScene } from './output-picture.ts';

/**
 * The HTTP-FLV output of a simulated task, generated in JS: SPS and PPS for its size and frame
 * rate, Volcengine's layout SEI on every IDR, IDR pictures of the composed layout (decodable,
 * exact), P pictures that skip every macroblock (the picture holds still between keyframes), and
 * filler units that bring it to its bitrate.
 */

export interface OutputSpec {
  width: number;
  height: number;
  fps: number;
  /** Keyframe interval in seconds (Encode.VideoGop). */
  gopSeconds: number;
  bitrateKbps: number;
  /** The layout SEI's JSON text. */
  seiJson: string;
  /** 5 (user_data_unregistered with Volcengine's UUID) or 100. */
  seiPayloadType: 5 | 100;
  /** What the picture shows; without it, the canvas and regions of the SEI JSON. */
  scene?: OutputScene;
}

/** Rendered and encoded IDR pictures by layout, so pulls of the same output share the work. */
const idrCache = new Map<string, Uint8Array[]>();
const IDR_CACHE_SIZE = 16;

/** The IDR slice for idr_pic_id 0 or 1 (consecutive IDRs must differ), encoded once per layout. */
function idrSlice(spec: OutputSpec, idrPicId: 0 | 1): Uint8Array {
  const scene = spec.scene ?? sceneFromSeiJson(spec.seiJson);
  const key = JSON.stringify([spec.width, spec.height, scene]);
  let pair = idrCache.get(key);
  if (!pair) {
    const picture = renderScene(scene, spec.width, spec.height);
    pair = [encodeIdr(picture, 0).nal, encodeIdr(picture, 1).nal];
    idrCache.set(key, pair);
    if (idrCache.size > IDR_CACHE_SIZE) idrCache.delete(idrCache.keys().next().value ?? key);
  }
  return pair[idrPicId] ?? new Uint8Array();
}

function pSlice(frameNum: number, macroblocks: number): Uint8Array {
  const w = new BitWriter().ue(0).ue(5).ue(0).u(WRITTEN_LOG2_MAX_FRAME_NUM, frameNum % 2 ** WRITTEN_LOG2_MAX_FRAME_NUM);
  w.u1(0).u1(0).u1(0).se(0).ue(1).ue(macroblocks).trailing(); // every macroblock skipped
  return Uint8Array.from([0x41, ...escapeRbsp(w.bytes())]);
}

/** Filler data (NAL type 12): 0xFF bytes and the trailing bits; no emulation can arise. */
function filler(size: number): Uint8Array {
  const out = new Uint8Array(Math.max(2, size)).fill(0xff);
  out[0] = 0x0c;
  out[out.length - 1] = 0x80;
  return out;
}

/** The whole stream as tags, frame by frame: frame(i) is the i-th video tag after the header and config. */
export function outputFrames(spec: OutputSpec) {
  const sps = writeSps({ width: spec.width, height: spec.height, fps: spec.fps, profileIdc: 66, levelIdc: spec.width * spec.height > 1280 * 720 ? 40 : 31 });
  const pps = writePps();
  const sei = writeSei(volcSeiMessage(spec.seiJson, spec.seiPayloadType));
  const gopFrames = Math.max(1, Math.round(spec.gopSeconds * spec.fps));
  const macroblocks = Math.ceil(spec.width / 16) * Math.ceil(spec.height / 16);
  const frameBytes = Math.round(spec.bitrateKbps * 1000 / 8 / spec.fps);
  const start = Uint8Array.from([...flvHeader({ audio: false, video: true }), ...flvTag(9, 0, avcConfigBody(sps, pps))]);
  const tagBytes = (units: Uint8Array[]) => units.reduce((n, u) => n + u.length + 4, 0) + 5 + 15;
  const keyUnits = (i: number) => [sps, pps, sei, idrSlice(spec, (i / gopFrames) % 2 === 0 ? 0 : 1)];
  // The keyframe takes what it needs; the P frames after it share the rest of the GOP's bytes.
  const keyBytes = Math.max(frameBytes, tagBytes(keyUnits(0)) + 4);
  const pBytes = gopFrames > 1 ? Math.round((frameBytes * gopFrames - keyBytes) / (gopFrames - 1)) : 0;
  const frame = (i: number): Uint8Array => {
    const key = i % gopFrames === 0;
    const units = key ? keyUnits(i) : [pSlice(i % gopFrames, macroblocks)];
    const room = (key ? keyBytes : pBytes) - tagBytes(units) - 4;
    if (room >= 2) units.push(filler(room));
    return flvTag(9, Math.round(i * 1000 / spec.fps), avcNaluBody(key, units));
  };
  return { start, frame, gopFrames };
}

/**
 * The stream as a CDN serves it: the current GOP at once (as a CDN's GOP cache does), then one
 * frame per frame interval of wall time, until the reader goes away or maxMs have passed.
 */
export function outputStream(spec: OutputSpec, opts: { maxMs?: number } = {}): ReadableStream<Uint8Array> {
  const { start, frame, gopFrames } = outputFrames(spec);
  const interval = 1000 / spec.fps;
  const total = Math.ceil((opts.maxMs ?? 10 * 60_000) / interval);
  let next = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let began = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(start);
      for (; next < gopFrames; next += 1) controller.enqueue(frame(next));
      began = Date.now() - gopFrames * interval;
    },
    pull(controller) {
      if (next >= total) {
        controller.close();
        return undefined;
      }
      // Paced by the wall clock from the first frame, so timer drift does not slow the stream.
      const due = began + next * interval - Date.now();
      return new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          controller.enqueue(frame(next));
          next += 1;
          resolve();
        }, Math.max(0, due));
      });
    },
    cancel() {
      clearTimeout(timer);
    },
  }, { highWaterMark: 0 });
}
