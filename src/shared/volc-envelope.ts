import * as z from 'zod/mini';
import { lenientNumber } from './lenient-leaves.ts';
import type { UpstreamError } from './mixscope-api.ts';

/** Volcengine's BaseResponse: ResponseMetadata (+ Error on failure) and Result on success. */
export const VolcErrorInfoSchema = z.looseObject({
  Code: z.string(),
  CodeN: z.optional(lenientNumber),
  Message: z.optional(z.string()),
});

export const ResponseMetadataSchema = z.looseObject({
  RequestId: z.optional(z.string()),
  Action: z.optional(z.string()),
  Version: z.optional(z.string()),
  Service: z.optional(z.string()),
  Region: z.optional(z.string()),
  Error: z.optional(z.nullable(VolcErrorInfoSchema)),
});

export const VolcEnvelopeSchema = z.looseObject({
  ResponseMetadata: ResponseMetadataSchema,
  Result: z.optional(z.unknown()),
});

export type EnvelopeOutcome =
  | { kind: 'ok'; requestId: string | undefined; result: unknown }
  | { kind: 'error'; error: UpstreamError }
  | { kind: 'bad-body'; message: string; httpStatus: number };

/**
 * Reads an upstream answer the defensive way the docs force on us: an Error inside
 * ResponseMetadata means failure whatever the HTTP status (2020-12-01 sends errors with 200),
 * and a non-2xx without a readable envelope is a failure too.
 */
export function interpretEnvelope(httpStatus: number, body: unknown): EnvelopeOutcome {
  const parsed = VolcEnvelopeSchema.safeParse(body);
  if (!parsed.success) {
    return {
      kind: 'bad-body',
      httpStatus,
      message: `Volcengine answered HTTP ${httpStatus} without the documented ResponseMetadata envelope.`,
    };
  }
  const meta = parsed.data.ResponseMetadata;
  const err = meta.Error;
  if (err && err.Code !== '') {
    const error: UpstreamError = {
      code: err.Code,
      message: err.Message ?? '',
      httpStatus,
    };
    if (err.CodeN !== undefined) error.codeN = err.CodeN;
    if (meta.RequestId !== undefined) error.requestId = meta.RequestId;
    return { kind: 'error', error };
  }
  if (httpStatus < 200 || httpStatus >= 300) {
    const error: UpstreamError = {
      code: `HTTP${httpStatus}`,
      message: `Volcengine answered HTTP ${httpStatus} with no error details.`,
      httpStatus,
    };
    if (meta.RequestId !== undefined) error.requestId = meta.RequestId;
    return { kind: 'error', error };
  }
  return { kind: 'ok', requestId: meta.RequestId, result: parsed.data.Result };
}
