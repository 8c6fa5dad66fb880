/** Writes FLV: the header, and tags with the PreviousTagSize after each. For the simulator. */

export function flvHeader(opts: { audio: boolean; video: boolean }): Uint8Array {
  return Uint8Array.from([0x46, 0x4c, 0x56, 1, (opts.audio ? 4 : 0) | (opts.video ? 1 : 0), 0, 0, 0, 9, 0, 0, 0, 0]);
}

export function flvTag(type: number, timestamp: number, data: Uint8Array): Uint8Array {
  const size = data.length;
  const out = new Uint8Array(11 + size + 4);
  out.set([type, size >> 16 & 0xff, size >> 8 & 0xff, size & 0xff, timestamp >> 16 & 0xff, timestamp >> 8 & 0xff, timestamp & 0xff, timestamp >>> 24 & 0xff, 0, 0, 0], 0);
  out.set(data, 11);
  const total = 11 + size;
  out.set([total >>> 24 & 0xff, total >> 16 & 0xff, total >> 8 & 0xff, total & 0xff], 11 + size);
  return out;
}

/** An AVC sequence header tag body: the AVCDecoderConfigurationRecord with 4-byte NAL lengths. */
export function avcConfigBody(sps: Uint8Array, pps: Uint8Array): Uint8Array {
  return Uint8Array.from([
    0x17, 0, 0, 0, 0,
    1, sps[1] ?? 0, sps[2] ?? 0, sps[3] ?? 0, 0xff, 0xe1, sps.length >> 8, sps.length & 0xff, ...sps,
    1, pps.length >> 8, pps.length & 0xff, ...pps,
  ]);
}

/** An AVC NALU tag body: frame type, composition time 0, each unit with a 4-byte length. */
export function avcNaluBody(keyframe: boolean, nalus: readonly Uint8Array[]): Uint8Array {
  const size = 5 + nalus.reduce((n, u) => n + 4 + u.length, 0);
  const out = new Uint8Array(size);
  out.set([keyframe ? 0x17 : 0x27, 1, 0, 0, 0], 0);
  let i = 5;
  for (const u of nalus) {
    out.set([u.length >>> 24 & 0xff, u.length >> 16 & 0xff, u.length >> 8 & 0xff, u.length & 0xff], i);
    out.set(u, i + 4);
    i += 4 + u.length;
  }
  return out;
}
