import type { AnalyserLimits } from '../../shared/media/output-analyser.ts';
import type { FetchLike } from '../upstream-client.ts';
import { outputReading, type OutputReading } from './output-answer.ts';
import { readOutput } from './read-output.ts';

export interface OutputPullerOptions {
  fetch: FetchLike;
  allowed: (url: URL) => boolean;
  maxBytes?: number;
  timeoutMs?: number;
  limits?: AnalyserLimits;
}

export interface OutputPuller {
  /** Reads the output at url, sharing one read among everyone asking with the same key at once. */
  read(key: string, url: URL, signal?: AbortSignal): Promise<OutputReading>;
  /** Reads in flight now (for tests and metrics). */
  readonly inFlight: number;
}

export const OUTPUT_READ_DEFAULTS = { maxBytes: 16 * 1024 * 1024, timeoutMs: 8000 } as const;

interface Shared {
  promise: Promise<OutputReading>;
  abort: AbortController;
  waiters: number;
}

/**
 * One pull per output at a time, and only while someone asks: every request for the same key
 * joins the read in flight; when every asker has gone away the read is abandoned.
 */
export function createOutputPuller(options: OutputPullerOptions): OutputPuller {
  const reads = new Map<string, Shared>();
  const maxBytes = options.maxBytes ?? OUTPUT_READ_DEFAULTS.maxBytes;
  const timeoutMs = options.timeoutMs ?? OUTPUT_READ_DEFAULTS.timeoutMs;

  function start(key: string, url: URL): Shared {
    const abort = new AbortController();
    const promise = readOutput(url, {
      fetch: options.fetch, allowed: options.allowed, maxBytes, timeoutMs, signal: abort.signal,
      ...(options.limits ? { limits: options.limits } : {}),
    }).then(outputReading).finally(() => reads.delete(key));
    // Nobody may be left to see a rejection (all askers gone): keep it from going unhandled.
    promise.catch(() => undefined);
    return { promise, abort, waiters: 0 };
  }

  return {
    get inFlight() {
      return reads.size;
    },
    read(key, url, signal) {
      let shared = reads.get(key);
      if (shared === undefined) {
        shared = start(key, url);
        reads.set(key, shared);
      }
      const read = shared;
      read.waiters += 1;
      if (signal === undefined) return read.promise;
      return new Promise<OutputReading>((resolve, reject) => {
        const leave = () => {
          read.waiters -= 1;
          if (read.waiters === 0) read.abort.abort();
          reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
        };
        if (signal.aborted) return leave();
        signal.addEventListener('abort', leave, { once: true });
        read.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
      });
    },
  };
}
