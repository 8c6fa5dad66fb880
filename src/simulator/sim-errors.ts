/**
 * Every error the simulator sends, with its HTTP status and CodeN. Statuses and CodeN come from
 * the reference (§2.2 gateway table, §2.3 RTC codes). CodeN is sent only where a document gives
 * one: the 2023-11-01 ErrorInfo lists Code and Message alone, so clients must cope without it,
 * and inventing numbers would teach the dashboard wrong facts.
 */
const TABLE = {
  MissingParameter: { status: 400, codeN: 100002 },
  MissingAuthenticationToken: { status: 401, codeN: 100003 },
  // Volcengine's own error page says 403 (BytePlus says 400); this stands in for Volcengine.
  InvalidTimestamp: { status: 403, codeN: 100006 },
  InvalidActionOrVersion: { status: 404, codeN: 100008 },
  InvalidAccessKey: { status: 401, codeN: 100009 },
  SignatureDoesNotMatch: { status: 401, codeN: 100010 },
  InvalidAuthorization: { status: 400 },
  MethodNotAllowed: { status: 405 },
  FlowLimitExceeded: { status: 429 },
  // 10009 is the CodeN in the BaseResponse example of doc 1178322, next to InvalidParameter.
  InvalidParameter: { status: 400, codeN: 10009 },
  // RTC sub-codes (doc 70426) state no HTTP status; they are InvalidParameter, hence 400.
  'InvalidParameter.ErrorActiveTaskNotFound': { status: 400 },
  'InvalidParameter.InvalidRtmpAddress': { status: 400 },
  'InvalidParameter.BodyIsEmpty': { status: 400 },
  'InvalidParameter.Unmarshal': { status: 400 },
  InternalError: { status: 500 },
  InternalServiceError: { status: 502 },
  ServiceUnavailableTemp: { status: 503 },
  InternalServiceTimeout: { status: 504 },
} as const satisfies Record<string, { status: number; codeN?: number }>;

export type SimErrorCode = keyof typeof TABLE;

export interface SimFailure {
  code: SimErrorCode;
  message: string;
}

export function fail(code: SimErrorCode, message: string): SimFailure {
  return { code, message };
}

export function httpStatusOf(code: SimErrorCode): number {
  return TABLE[code].status;
}

export function codeNOf(code: SimErrorCode): number | undefined {
  const entry: { status: number; codeN?: number } = TABLE[code];
  return entry.codeN;
}

export const ALL_ERROR_CODES = Object.keys(TABLE) as SimErrorCode[];

/** The 5xx answers a fault can produce, by HTTP status. */
export const SERVER_ERROR_BY_STATUS: Readonly<Record<number, SimErrorCode>> = {
  500: 'InternalError',
  502: 'InternalServiceError',
  503: 'ServiceUnavailableTemp',
  504: 'InternalServiceTimeout',
};

export interface RequestMeta {
  requestId: string;
  action: string;
  version: string;
  region: string;
}

/** BaseResponse.ResponseMetadata: the echo of the common parameters, Error only on failure. */
export function responseMetadata(meta: RequestMeta, failure?: SimFailure): Record<string, unknown> {
  const out: Record<string, unknown> = {
    RequestId: meta.requestId,
    Action: meta.action,
    Version: meta.version,
    Service: 'rtc',
    Region: meta.region,
  };
  if (failure) {
    const codeN = codeNOf(failure.code);
    out['Error'] = { Code: failure.code, ...(codeN !== undefined ? { CodeN: codeN } : {}), Message: failure.message };
  }
  return out;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

/** No Retry-After on 429: no Volcengine document promises one, so clients must not count on it. */
export function errorResponse(meta: RequestMeta, failure: SimFailure): Response {
  return json(httpStatusOf(failure.code), { ResponseMetadata: responseMetadata(meta, failure) });
}

/** "Result ... 仅在请求成功时返回": Result only on success. */
export function okResponse(meta: RequestMeta, result: unknown): Response {
  return json(200, { ResponseMetadata: responseMetadata(meta), Result: result });
}
