import { FlvDemuxer, FlvFormatError } from '../../shared/media/flv-demuxer.ts';
import { OutputAnalyser, type AnalyserLimits } from '../../shared/media/output-analyser.ts';
import type { OutputFailureReason } from '../../shared/output-api.ts';
import type { FetchLike } from '../upstream-client.ts';

/**
 * One read of an HTTP-FLV output: fetch with no redirect followed blindly, feed the body through
 * the FLV reader and the analyser, and stop when it has enough, at the byte cap or at the time
 * cap. Only URLs `allowed` accepts are ever requested, the redirect targets included.
 */

export interface ReadOutputOptions {
  fetch: FetchLike;
  allowed: (url: URL) => boolean;
  maxBytes: number;
  timeoutMs: number;
  limits?: AnalyserLimits;
  signal?: AbortSignal;
}

export type ReadFailure = { ok: false; reason: OutputFailureReason; message: string; httpStatus?: number; bytesRead: number };
export type ReadOutcome = { ok: true; analyser: OutputAnalyser; bytesRead: number } | ReadFailure;

const MAX_REDIRECTS = 3;
export const readFailure = (reason: OutputFailureReason, message: string, bytesRead = 0, httpStatus?: number): ReadFailure =>
  ({ ok: false, reason, message, bytesRead, ...(httpStatus !== undefined ? { httpStatus } : {}) });

/** The pull URL's response, following redirects only to allowed hosts; a ReadFailure says why not. */
export async function openOutput(url: URL, opts: Pick<ReadOutputOptions, 'fetch' | 'allowed'>, signal: AbortSignal): Promise<Response | ReadFailure> {
  let current = url;
  for (let hop = 0; ; hop += 1) {
    const res = await opts.fetch(new Request(current, { redirect: 'manual', signal, headers: { Accept: 'video/x-flv, */*' } }));
    if (res.status < 300 || res.status >= 400) return res;
    await res.body?.cancel().catch(() => undefined);
    const location = res.headers.get('location');
    let next: URL | undefined;
    try {
      next = location === null ? undefined : new URL(location, current);
    } catch {
      next = undefined;
    }
    // A redirect is followed only to a host that is allowed anyway: a CDN cannot steer the server elsewhere.
    if (next === undefined || !opts.allowed(next)) {
      const where = next === undefined ? 'nowhere usable' : `the host ${next.host}, which is not allowed`;
      return readFailure('redirect-refused', `The CDN answered HTTP ${res.status}, a redirect to ${where}. mixscope follows redirects only to allowed hosts; add that host to MIXSCOPE_PULL_HOSTS if it is the CDN's own.`, 0, res.status);
    }
    if (hop + 1 >= MAX_REDIRECTS) return readFailure('redirect-refused', `The CDN redirected more than ${MAX_REDIRECTS} times; check the pull URL.`, 0, res.status);
    current = next;
  }
}

export async function readOutput(url: URL, opts: ReadOutputOptions): Promise<ReadOutcome> {
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, opts.timeoutMs);
  const onOuterAbort = () => abort.abort();
  opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const analyser = new OutputAnalyser(opts.limits);
  const demuxer = new FlvDemuxer();
  let bytesRead = 0;
  const seconds = `${opts.timeoutMs / 1000} s`;
  try {
    const res = await openOutput(url, opts, abort.signal);
    if (!(res instanceof Response)) return res;
    if (!res.ok || res.body === null) {
      await res.body?.cancel().catch(() => undefined);
      return readFailure('cdn-http-error', `The CDN answered HTTP ${res.status} for the pull URL: check that the stream is live and that the pull rule (or the typed URL) gives its right path and auth.`, 0, res.status);
    }
    const reader = res.body.getReader();
    try {
      while (!analyser.done) {
        const { done, value } = await reader.read();
        if (done) break;
        bytesRead += value.length;
        for (const event of demuxer.push(value)) {
          if (event.kind === 'header') analyser.onHeader(event.header);
          else analyser.onTag(event.tag);
        }
        if (bytesRead >= opts.maxBytes) break;
      }
    } finally {
      await reader.cancel().catch(() => undefined);
    }
    return bytesRead >= opts.maxBytes && !analyser.done && analyser.sei === undefined
      ? readFailure('too-large', `Read ${bytesRead} bytes (the cap) without finding the layout SEI after a keyframe.`, bytesRead)
      : { ok: true, analyser, bytesRead };
  } catch (e) {
    if (e instanceof FlvFormatError) return readFailure('not-flv', `The pull URL does not serve FLV: ${e.message}. Check that it is the HTTP-FLV address (usually ending in .flv), not HLS or a web page.`, bytesRead);
    if (timedOut) return analyser.sei !== undefined ? { ok: true, analyser, bytesRead } : readFailure('timeout', `The output sent ${bytesRead} bytes in ${seconds} without the layout SEI after a keyframe: the CDN is slow or the stream stalled.`, bytesRead);
    if (opts.signal?.aborted) throw e;
    return readFailure('unreachable', `Could not reach the pull host: ${e instanceof Error ? e.message : String(e)}.`, bytesRead);
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onOuterAbort);
  }
}
