import * as z from 'zod/mini';
import { CallbackNoticeSchema } from '../../shared/fleet-api.ts';
import type { BusMessage } from './event-bus.ts';

/**
 * A bus message as one PostgreSQL NOTIFY payload: the message and the replica that sent it, so a
 * replica skips its own (it told its own listeners already). Pure; another replica's payload is
 * input like any other and is parsed, never trusted.
 */

export const BUS_CHANNEL = 'mixscope_events';
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
export const MAX_PAYLOAD_BYTES = 7_999;

const BusMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('task-changed'), key: z.string() }),
  z.object({ type: z.literal('callback'), notice: CallbackNoticeSchema }),
]);

const WireSchema = z.object({ origin: z.string(), message: BusMessageSchema });

export type EncodeResult = { ok: true; payload: string } | { ok: false; error: string };
export type DecodeResult = { ok: true; origin: string; message: BusMessage } | { ok: false; error: string };

export function encodeBusMessage(origin: string, message: BusMessage): EncodeResult {
  const payload = JSON.stringify({ origin, message });
  const bytes = Buffer.byteLength(payload, 'utf8');
  if (bytes > MAX_PAYLOAD_BYTES) return { ok: false, error: `a ${message.type} message of ${bytes} bytes is over PostgreSQL's NOTIFY limit of ${MAX_PAYLOAD_BYTES}` };
  return { ok: true, payload };
}

export function decodeBusMessage(payload: string): DecodeResult {
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return { ok: false, error: `a notification on ${BUS_CHANNEL} is not JSON` };
  }
  const parsed = WireSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `a notification on ${BUS_CHANNEL} is not a bus message (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'})` };
  }
  return { ok: true, origin: parsed.data.origin, message: parsed.data.message };
}
