/** Per-request values the middleware and routes share through Hono's context (c.set / c.get). */
export type AppEnv = {
  Variables: {
    /** Ours, also sent back as X-Request-Id and written on every log line of the request. */
    requestId: string;
    /** Volcengine's ResponseMetadata.RequestId of the answer this request returned, if any. */
    upstreamRequestId: string | undefined;
    /** How the task answer was served: upstream, coalesced or cache. */
    served: string | undefined;
  };
};
