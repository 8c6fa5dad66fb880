import { escapeRbsp, unescapeRbsp } from './emulation-prevention.ts';

/** One sei_message of an SEI NAL unit (H.264 7.3.2.3.1). */
export interface SeiMessage {
  payloadType: number;
  payload: Uint8Array;
}

/** "VolcengineRTCSEI": the UUID of Volcengine's layout SEI sent as user_data_unregistered (type 5). */
export const VOLC_SEI_UUID = Uint8Array.from([0x56, 0x6f, 0x6c, 0x63, 0x65, 0x6e, 0x67, 0x69, 0x6e, 0x65, 0x52, 0x54, 0x43, 0x53, 0x45, 0x49]);
/** Volcengine's default SEI payload type. */
export const VOLC_SEI_PAYLOAD_TYPE = 100;
export const USER_DATA_UNREGISTERED = 5;

/** The messages of an SEI NAL unit (header byte included, still escaped). Stops at the trailing bits. */
export function parseSeiMessages(nal: Uint8Array): SeiMessage[] {
  if (((nal[0] ?? 0) & 0x1f) !== 6) throw new Error('not an SEI NAL unit');
  const rbsp = unescapeRbsp(nal.subarray(1));
  const messages: SeiMessage[] = [];
  let i = 0;
  const readVarying = (): number => {
    let value = 0;
    while (rbsp[i] === 0xff) {
      value += 255;
      i += 1;
    }
    const last = rbsp[i];
    if (last === undefined) throw new RangeError('SEI message header runs past the end');
    i += 1;
    return value + last;
  };
  // more_rbsp_data: anything left besides the final 0x80 trailing byte.
  while (i < rbsp.length && !(i === rbsp.length - 1 && rbsp[i] === 0x80)) {
    const payloadType = readVarying();
    const size = readVarying();
    if (i + size > rbsp.length) throw new RangeError(`SEI payload of ${size} bytes runs past the end`);
    messages.push({ payloadType, payload: rbsp.slice(i, i + size) });
    i += size;
  }
  return messages;
}

export type VolcSeiText = { payloadType: number; text: string };

function startsWithUuid(payload: Uint8Array): boolean {
  return payload.length >= 16 && VOLC_SEI_UUID.every((b, k) => payload[k] === b);
}

/**
 * The text of Volcengine's layout SEI among the messages: payload type 100, or type 5 with the
 * Volcengine UUID. Trailing NULs (some muxers pad) are dropped; undefined when there is none.
 */
export function volcSeiText(messages: readonly SeiMessage[]): VolcSeiText | undefined {
  for (const m of messages) {
    let body: Uint8Array | undefined;
    if (m.payloadType === VOLC_SEI_PAYLOAD_TYPE) body = m.payload;
    else if (m.payloadType === USER_DATA_UNREGISTERED && startsWithUuid(m.payload)) body = m.payload.subarray(16);
    if (body !== undefined) return { payloadType: m.payloadType, text: new TextDecoder().decode(body).replace(/\0+$/, '') };
  }
  return undefined;
}

function varying(n: number): number[] {
  const out: number[] = [];
  let left = n;
  while (left >= 255) {
    out.push(0xff);
    left -= 255;
  }
  out.push(left);
  return out;
}

/** An SEI NAL unit holding one message, escaped, with its header: what the simulator writes. */
export function writeSei(message: SeiMessage): Uint8Array {
  const rbsp = Uint8Array.from([...varying(message.payloadType), ...varying(message.payload.length), ...message.payload, 0x80]);
  return Uint8Array.from([0x06, ...escapeRbsp(rbsp)]);
}

/** Volcengine's layout JSON as a type 5 message with its UUID, or as a type 100 message. */
export function volcSeiMessage(json: string, payloadType: 5 | 100 = USER_DATA_UNREGISTERED): SeiMessage {
  const text = new TextEncoder().encode(json);
  return { payloadType, payload: payloadType === 5 ? Uint8Array.from([...VOLC_SEI_UUID, ...text]) : text };
}
