/**
 * H.264 escapes its payload so no start code appears inside a NAL unit: after two zero bytes, a
 * byte of 0 to 3 is preceded by 0x03. Parsers must remove those bytes before reading the RBSP
 * (an SEI's JSON may well contain such a run), and a writer must insert them.
 */
export function unescapeRbsp(ebsp: Uint8Array): Uint8Array {
  const out = new Uint8Array(ebsp.length);
  let n = 0;
  let zeros = 0;
  for (const byte of ebsp) {
    if (zeros >= 2 && byte === 0x03) {
      zeros = 0;
      continue;
    }
    out[n++] = byte;
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return out.subarray(0, n);
}

export function escapeRbsp(rbsp: Uint8Array): Uint8Array {
  const out: number[] = [];
  let zeros = 0;
  for (const byte of rbsp) {
    if (zeros >= 2 && byte <= 0x03) {
      out.push(0x03);
      zeros = 0;
    }
    out.push(byte);
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return Uint8Array.from(out);
}
