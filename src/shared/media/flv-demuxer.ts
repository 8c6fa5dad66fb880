/**
 * A streaming FLV reader: chunks go in as the network delivers them, split anywhere, and whole
 * tags come out. It keeps only the bytes of the tag it is waiting for.
 */

export interface FlvHeader {
  hasAudio: boolean;
  hasVideo: boolean;
}

export interface FlvTag {
  /** 8 audio, 9 video, 18 script data. */
  type: number;
  /** Milliseconds, with the extended high byte applied. */
  timestamp: number;
  data: Uint8Array;
  /** Bytes the tag took in the stream: its 11-byte header, data and the 4-byte size after it. */
  size: number;
}

export type FlvEvent = { kind: 'header'; header: FlvHeader } | { kind: 'tag'; tag: FlvTag };

export class FlvFormatError extends Error {}

const HEADER_SIZE = 9;
const TAG_HEADER_SIZE = 11;

export class FlvDemuxer {
  private buffer: Uint8Array = new Uint8Array(0);
  private sawHeader = false;

  /** Feeds a chunk; returns the header and tags it completed. Throws FlvFormatError on non-FLV input. */
  push(chunk: Uint8Array): FlvEvent[] {
    this.buffer = this.buffer.length === 0 ? chunk.slice() : concat(this.buffer, chunk);
    const events: FlvEvent[] = [];
    let offset = 0;
    if (!this.sawHeader) {
      // Refuse as soon as the first bytes cannot be "FLV": an HTML error page needs no 9 bytes.
      const sig = [0x46, 0x4c, 0x56];
      for (let i = 0; i < Math.min(3, this.buffer.length); i += 1) {
        if (this.buffer[i] !== sig[i]) throw new FlvFormatError('the stream does not start with the FLV signature "FLV"');
      }
      if (this.buffer.length < HEADER_SIZE + 4) return events;
      const dataOffset = readU32(this.buffer, 5);
      if (this.buffer[3] !== 1 || dataOffset < HEADER_SIZE) throw new FlvFormatError(`unsupported FLV header (version ${this.buffer[3]}, header size ${dataOffset})`);
      if (this.buffer.length < dataOffset + 4) return events;
      const flags = this.buffer[4] ?? 0;
      events.push({ kind: 'header', header: { hasAudio: (flags & 4) !== 0, hasVideo: (flags & 1) !== 0 } });
      this.sawHeader = true;
      offset = dataOffset + 4; // PreviousTagSize0 follows the header
    }
    while (this.buffer.length - offset >= TAG_HEADER_SIZE) {
      const b = this.buffer;
      const type = (b[offset] ?? 0) & 0x1f;
      const dataSize = readU24(b, offset + 1);
      const total = TAG_HEADER_SIZE + dataSize + 4;
      if (b.length - offset < total) break;
      const timestamp = (readU24(b, offset + 4) | ((b[offset + 7] ?? 0) << 24)) >>> 0;
      const data = b.slice(offset + TAG_HEADER_SIZE, offset + TAG_HEADER_SIZE + dataSize);
      events.push({ kind: 'tag', tag: { type, timestamp, data, size: total } });
      offset += total;
    }
    this.buffer = this.buffer.slice(offset);
    return events;
  }

  /** Bytes received but not yet part of a whole tag. */
  get pending(): number {
    return this.buffer.length;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

export function readU24(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 16) | ((b[at + 1] ?? 0) << 8) | (b[at + 2] ?? 0);
}

export function readU32(b: Uint8Array, at: number): number {
  return (((b[at] ?? 0) << 24) >>> 0) + readU24(b, at + 1);
}
