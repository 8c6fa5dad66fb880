import { FlvDemuxer, FlvFormatError, type FlvTag } from '../../shared/media/flv-demuxer.ts';
import { flvHeader, flvTag } from '../../shared/media/flv-writer.ts';
import type { FetchLike } from '../upstream-client.ts';
import { openOutput, readFailure, type ReadFailure } from './read-output.ts';

/**
 * The output as the browser's player gets it: one pull of the task's HTTP-FLV stream per output,
 * shared by every viewer, and only while someone watches. A viewer who joins late gets the FLV
 * header, the codec configuration and the current GOP first, so the player starts at a keyframe.
 * Only URLs `allowed` accepts are requested (redirects included); every pull ends at a byte cap
 * and a time cap, after which the player is asked to start again.
 */

export interface OutputRelayOptions {
  fetch: FetchLike;
  allowed: (url: URL) => boolean;
  /** Bytes one pull may read in all, whoever watches. */
  maxBytes?: number;
  /** How long one pull may run. */
  maxMs?: number;
  /** How long the pull URL may take to send the FLV header. */
  openTimeoutMs?: number;
  /** Bytes a viewer may fall behind before it is let go (a stalled tab must not hold memory). */
  viewerQueueBytes?: number;
  /** The current GOP is kept for late joiners up to this size; a longer one waits for the next keyframe. */
  gopCacheBytes?: number;
}

export const OUTPUT_RELAY_DEFAULTS = {
  maxBytes: 256 * 1024 * 1024, maxMs: 10 * 60_000, openTimeoutMs: 8000, viewerQueueBytes: 32 * 1024 * 1024, gopCacheBytes: 16 * 1024 * 1024,
} as const;

export type RelayOpening = { ok: true; body: ReadableStream<Uint8Array> } | ReadFailure;

export interface OutputRelay {
  /** A viewer's copy of the output at url, once its first bytes have proved it FLV; the pull is shared by key. */
  open(key: string, url: URL, signal: AbortSignal): Promise<RelayOpening>;
  /** Pulls running now (for tests and metrics). */
  readonly pulls: number;
}

interface Viewer {
  controller: ReadableStreamDefaultController<Uint8Array>;
  /** False until the viewer has the header, the configuration and the GOP: live tags wait for that. */
  started: boolean;
}

interface Pull {
  /** Settles once the FLV header has arrived (undefined) or the pull failed before it. */
  ready: Promise<ReadFailure | undefined>;
  viewers: Set<Viewer>;
  abort: AbortController;
  header: Uint8Array | undefined;
  /** onMetaData and the sequence headers, latest of each kind. */
  config: Map<string, Uint8Array>;
  gop: Uint8Array[];
  gopBytes: number;
  bytesRead: number;
}

/** Tags a decoder needs before any frame: metadata, the AVC and the AAC sequence headers. */
function configKind(tag: FlvTag): string | undefined {
  if (tag.type === 18) return 'script';
  if (tag.type === 9 && (tag.data[0] ?? 0) % 16 === 7 && tag.data[1] === 0) return 'avc';
  if (tag.type === 8 && (tag.data[0] ?? 0) >> 4 === 10 && tag.data[1] === 0) return 'aac';
  return undefined;
}

const isKeyframe = (tag: FlvTag) => tag.type === 9 && (tag.data[0] ?? 0) >> 4 === 1;

export function createOutputRelay(options: OutputRelayOptions): OutputRelay {
  const o = { ...OUTPUT_RELAY_DEFAULTS, ...options };
  const pulls = new Map<string, Pull>();

  function send(pull: Pull, viewer: Viewer, bytes: Uint8Array) {
    viewer.controller.enqueue(bytes);
    // Behind by more than the queue allows: this viewer goes, the others keep watching.
    if ((viewer.controller.desiredSize ?? 0) < 0) leave(pull, viewer, new Error('The viewer fell too far behind the live output.'));
  }

  function leave(pull: Pull, viewer: Viewer, error?: Error) {
    if (!pull.viewers.delete(viewer)) return;
    try {
      if (error) viewer.controller.error(error);
      else viewer.controller.close();
    } catch {
      // Already closed by its reader.
    }
    if (pull.viewers.size === 0) pull.abort.abort();
  }

  function end(key: string, pull: Pull) {
    if (pulls.get(key) === pull) pulls.delete(key);
    for (const viewer of [...pull.viewers]) leave(pull, viewer);
    pull.abort.abort();
  }

  function onTag(pull: Pull, tag: FlvTag) {
    const bytes = flvTag(tag.type, tag.timestamp, tag.data);
    const kind = configKind(tag);
    if (kind !== undefined) pull.config.set(kind, bytes);
    else if (isKeyframe(tag)) {
      pull.gop = [bytes];
      pull.gopBytes = bytes.length;
    } else if (pull.gop.length > 0) {
      pull.gopBytes += bytes.length;
      if (pull.gopBytes > o.gopCacheBytes) pull.gop = [];
      else pull.gop.push(bytes);
    }
    for (const viewer of [...pull.viewers]) if (viewer.started) send(pull, viewer, bytes);
  }

  async function run(key: string, pull: Pull, url: URL, settle: (f: ReadFailure | undefined) => void) {
    const { signal } = pull.abort;
    let timedOut = false;
    const openTimer = setTimeout(() => {
      timedOut = true;
      pull.abort.abort();
    }, o.openTimeoutMs);
    const capTimer = setTimeout(() => pull.abort.abort(), o.maxMs);
    const demuxer = new FlvDemuxer();
    try {
      const res = await openOutput(url, o, signal);
      if (!(res instanceof Response)) return settle(res);
      if (!res.ok || res.body === null) {
        await res.body?.cancel().catch(() => undefined);
        return settle(readFailure('cdn-http-error', `The CDN answered HTTP ${res.status} for the pull URL: check that the stream is live and that the pull rule (or the typed URL) gives its right path and auth.`, 0, res.status));
      }
      const reader = res.body.getReader();
      try {
        while (pull.bytesRead < o.maxBytes) {
          const { done, value } = await reader.read();
          if (done) break;
          pull.bytesRead += value.length;
          for (const event of demuxer.push(value)) {
            if (event.kind === 'header') {
              clearTimeout(openTimer);
              pull.header = Uint8Array.from([...flvHeader({ audio: event.header.hasAudio, video: event.header.hasVideo })]);
              settle(undefined);
            } else onTag(pull, event.tag);
          }
        }
      } finally {
        await reader.cancel().catch(() => undefined);
      }
      if (pull.header === undefined) settle(readFailure('not-flv', `The output ended after ${pull.bytesRead} bytes, before a whole FLV header.`, pull.bytesRead));
    } catch (e) {
      if (e instanceof FlvFormatError) settle(readFailure('not-flv', `The pull URL does not serve FLV: ${e.message}. Check that it is the HTTP-FLV address (usually ending in .flv), not HLS or a web page.`, pull.bytesRead));
      else if (timedOut) settle(readFailure('timeout', `The output sent ${pull.bytesRead} bytes in ${o.openTimeoutMs / 1000} s without a whole FLV header: the CDN is slow or the stream stalled.`, pull.bytesRead));
      else settle(readFailure('unreachable', `Could not reach the pull host: ${e instanceof Error ? e.message : String(e)}.`, pull.bytesRead));
    } finally {
      clearTimeout(openTimer);
      clearTimeout(capTimer);
      end(key, pull);
    }
    return undefined;
  }

  function start(key: string, url: URL): Pull {
    let settle: (f: ReadFailure | undefined) => void = () => undefined;
    const ready = new Promise<ReadFailure | undefined>((resolve) => (settle = resolve));
    const pull: Pull = { ready, viewers: new Set(), abort: new AbortController(), header: undefined, config: new Map(), gop: [], gopBytes: 0, bytesRead: 0 };
    pulls.set(key, pull);
    void run(key, pull, url, settle);
    return pull;
  }

  return {
    get pulls() {
      return pulls.size;
    },
    async open(key, url, signal) {
      const pull = pulls.get(key) ?? start(key, url);
      let viewer: Viewer | undefined;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          viewer = { controller, started: false };
        },
        cancel() {
          if (viewer) leave(pull, viewer);
        },
      }, new ByteLengthQueuingStrategy({ highWaterMark: o.viewerQueueBytes }));
      if (viewer === undefined) throw new Error('ReadableStream did not start synchronously');
      const self = viewer;
      // Counted from now, so the pull is not abandoned while this viewer waits for the header.
      pull.viewers.add(self);
      const gone = () => leave(pull, self);
      signal.addEventListener('abort', gone, { once: true });
      const failure = await pull.ready;
      if (failure !== undefined || signal.aborted || pull.header === undefined) {
        gone();
        return failure ?? readFailure('unreachable', 'The output ended before it could be played.');
      }
      if (!pull.viewers.has(self)) return readFailure('unreachable', 'The output ended before it could be played.');
      for (const bytes of [pull.header, ...pull.config.values(), ...pull.gop]) self.controller.enqueue(bytes);
      self.started = true;
      return { ok: true, body };
    },
  };
}
