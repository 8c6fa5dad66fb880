import type * as z from 'zod/mini';
import { ApiErrorBodySchema, type ApiErrorBody, type ErrorKind } from '../../shared/mixscope-api.ts';

/** A failed call to the mixscope server, with the server's own explanation when it gave one. */
export class ApiRequestError extends Error {
  readonly kind: ErrorKind | 'network';
  readonly status: number;
  readonly detail: ApiErrorBody['error'] | undefined;
  /** When the failure was known (Unix ms): where a retry's countdown starts. */
  readonly receivedAt: number;

  constructor(kind: ErrorKind | 'network', status: number, message: string, detail?: ApiErrorBody['error'], receivedAt = Date.now()) {
    super(message);
    this.name = 'ApiRequestError';
    this.kind = kind;
    this.status = status;
    this.detail = detail;
    this.receivedAt = receivedAt;
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

/** Sends a request and parses the answer with `schema`: a type comes from a schema, never from a cast. */
export async function requestJson<S extends z.ZodMiniType>(
  path: string,
  schema: S,
  init: RequestInit = {},
): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers } });
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
