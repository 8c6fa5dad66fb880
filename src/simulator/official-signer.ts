import { createRequire } from 'node:module';

/**
 * Test support: calls a fetch handler exactly as a customer's Node backend would, signing with
 * the official `@volcengine/openapi` Signer (a devDependency). Proving the simulator against the
 * official signer, not only against our own, is what makes the signature check trustworthy.
 */

interface SignerRequest {
  region: string;
  method: string;
  pathname?: string;
  params: Record<string, string>;
  headers: Record<string, string>;
  body?: string;
}

interface OfficialSigner {
  addAuthorization(credentials: { accessKeyId: string; secretKey: string }, date?: Date): void;
}

interface SignModule {
  default: new (request: SignerRequest, serviceName: string) => OfficialSigner;
  queryParamsToString(params: Record<string, string>): string;
}

// CommonJS with `exports.default = Signer`; lib/base/sign loads alone, without axios or protobufjs.
const sign = createRequire(import.meta.url)('@volcengine/openapi/lib/base/sign') as SignModule;

export interface SignedCall {
  method?: 'GET' | 'POST';
  params: Record<string, string>;
  body?: string;
  /** Sent but not signed (X-Mixscope-Fault, Content-Type). */
  extraHeaders?: Record<string, string>;
  credentials: { accessKeyId: string; secretKey: string };
  date: Date;
  region?: string;
  signal?: AbortSignal;
}

export function officialSignedRequest(call: SignedCall): Request {
  const method = call.method ?? 'GET';
  const request: SignerRequest = { region: call.region ?? 'cn-north-1', method, pathname: '/', params: { ...call.params }, headers: {} };
  if (call.body !== undefined) request.body = call.body;
  new sign.default(request, 'rtc').addAuthorization(call.credentials, call.date);
  // The Signer sorted the params; the URL must carry them encoded the same way.
  const url = `https://rtc.volcengineapi.com/?${sign.queryParamsToString(request.params)}`;
  const init: RequestInit = { method, headers: { ...request.headers, ...call.extraHeaders } };
  if (call.body !== undefined) init.body = call.body;
  if (call.signal) init.signal = call.signal;
  return new Request(url, init);
}

export async function callOfficial(fetcher: (req: Request) => Promise<Response>, call: SignedCall): Promise<{ status: number; body: unknown; text: string }> {
  const res = await fetcher(officialSignedRequest(call));
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text };
}
