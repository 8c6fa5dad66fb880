import { readU24 } from './flv-demuxer.ts';

/** What an FLV video tag holds (video_file_format_spec v10.1, E.4.3), for H.264 only. */
export type AvcTag =
  | { kind: 'config'; keyframe: boolean; sps: Uint8Array[]; pps: Uint8Array[]; nalLengthSize: number }
  | { kind: 'nalus'; keyframe: boolean; compositionTime: number; data: Uint8Array }
  | { kind: 'end-of-sequence' }
  | { kind: 'other-codec'; codecId: number };

export const AVC_CODEC_ID = 7;

export function parseVideoTag(data: Uint8Array): AvcTag {
  const first = data[0] ?? 0;
  // Enhanced RTMP marks its FourCC header (HEVC, AV1, ...) with the top bit.
  if ((first & 0x80) !== 0) return { kind: 'other-codec', codecId: -1 };
  const codecId = first & 0x0f;
  if (codecId !== AVC_CODEC_ID) return { kind: 'other-codec', codecId };
  const keyframe = first >> 4 === 1;
  if (data.length < 5) throw new RangeError('AVC video tag shorter than its 5-byte header');
  const packetType = data[1];
  const body = data.subarray(5);
  if (packetType === 0) return { kind: 'config', keyframe, ...parseAvcConfig(body) };
  if (packetType === 1) {
    const ct = readU24(data, 2);
    return { kind: 'nalus', keyframe, compositionTime: ct & 0x800000 ? ct - 0x1000000 : ct, data: body };
  }
  return { kind: 'end-of-sequence' };
}

/** AVCDecoderConfigurationRecord (ISO/IEC 14496-15 5.2.4.1). */
export function parseAvcConfig(b: Uint8Array): { sps: Uint8Array[]; pps: Uint8Array[]; nalLengthSize: number } {
  if (b.length < 7 || b[0] !== 1) throw new RangeError('not an AVCDecoderConfigurationRecord (version must be 1)');
  const nalLengthSize = ((b[4] ?? 0) & 3) + 1;
  let i = 5;
  const readSet = (count: number): Uint8Array[] => {
    const out: Uint8Array[] = [];
    for (let k = 0; k < count; k += 1) {
      const len = ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
      if (i + 2 + len > b.length) throw new RangeError('parameter set runs past the end of the record');
      out.push(b.slice(i + 2, i + 2 + len));
      i += 2 + len;
    }
    return out;
  };
  const sps = readSet((b[i++] ?? 0) & 0x1f);
  const pps = readSet(b[i++] ?? 0);
  return { sps, pps, nalLengthSize };
}

/** The NAL units of a length-prefixed AVC sample. */
export function splitNalus(data: Uint8Array, lengthSize: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let i = 0;
  while (i + lengthSize <= data.length) {
    let len = 0;
    for (let k = 0; k < lengthSize; k += 1) len = len * 256 + (data[i + k] ?? 0);
    i += lengthSize;
    if (i + len > data.length) throw new RangeError(`NAL unit of ${len} bytes runs past the end of the sample`);
    out.push(data.subarray(i, i + len));
    i += len;
  }
  return out;
}

export const nalType = (nal: Uint8Array): number => (nal[0] ?? 0) & 0x1f;
