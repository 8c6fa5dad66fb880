import type * as z from 'zod/mini';
import { ApiErrorBodySchema, type ApiErrorBody, type ErrorKind } from '../../shared/mixscope-api.ts';

/** A failed call to the mixscope server, with the server's own explanation when it gave one. */
export class ApiRequestError extends Error {
  readonly kind: ErrorKind | 'network';
  readonly status: number;
  readonly detail: ApiErrorBody['error'] | undefined;

  constructor(kind: ErrorKind | 'network', status: number, message: string, detail?: ApiErrorBody['error']) {
    super(message);
    this.name = 'ApiRequestError';
    this.kind = kind;
    this.status = status;
    this.detail = detail;
  }
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** GETs started before the code that reads them had loaded (prefetchGet); each answer is used once. */
const early = new Map<string, { at: number; response: Promise<Response> }>();
/** Older than this, an early answer is not used: the page asks again. */
const EARLY_MAX_AGE_MS = 5_000;

/**
 * Starts a GET now, for a page whose code is still loading: the first requestJson of the same
 * path takes this answer instead of asking again. A failure is handled there, as for any request.
 */
export function prefetchGet(path: string): void {
  const response = fetch(path, { headers: { accept: 'application/json' } });
  response.catch(() => undefined); // reported when it is read
  early.set(path, { at: Date.now(), response });
}

function takeEarly(path: string, init: RequestInit): Promise<Response> | undefined {
  const hit = early.get(path);
  if (hit === undefined || (init.method ?? 'GET') !== 'GET') return undefined;
  early.delete(path);
  return Date.now() - hit.at <= EARLY_MAX_AGE_MS ? hit.response : undefined;
}

/** Sends a request and parses the answer with `schema`: a type comes from a schema, never from a cast. */
export async function requestJson<S extends z.ZodMiniType>(
  path: string,
  schema: S,
  init: RequestInit = {},
): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await (takeEarly(path, init) ?? fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers } }));
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw new ApiRequestError('network', 0, 'The mixscope server could not be reached.');
  }
  const body = await readJson(res);
  if (!res.ok) {
    const parsed = ApiErrorBodySchema.safeParse(body);
    if (parsed.success) throw new ApiRequestError(parsed.data.error.kind, res.status, parsed.data.error.message, parsed.data.error);
    throw new ApiRequestError('internal', res.status, `The mixscope server answered HTTP ${res.status}.`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiRequestError('internal', res.status, `The mixscope server sent an answer of the wrong shape for ${path}.`);
  }
  return parsed.data;
}

export function getJson<S extends z.ZodMiniType>(path: string, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
  return requestJson(path, schema, signal ? { signal } : {});
}
