/**
 * Reads an H.264 RBSP bit by bit (most significant bit first), with the exp-Golomb codes the
 * SPS, PPS and slice headers use. Reading past the end throws: a truncated unit is bad input.
 */
export class BitReader {
  private bit = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get bitsLeft(): number {
    return this.bytes.length * 8 - this.bit;
  }

  /** One bit, 0 or 1. */
  u1(): number {
    if (this.bit >= this.bytes.length * 8) throw new RangeError('read past the end of the unit');
    const byte = this.bytes[this.bit >> 3] ?? 0;
    const value = (byte >> (7 - (this.bit & 7))) & 1;
    this.bit += 1;
    return value;
  }

  /** n bits (0 to 32) as an unsigned number. */
  u(n: number): number {
    let value = 0;
    for (let i = 0; i < n; i += 1) value = value * 2 + this.u1();
    return value;
  }

  /** ue(v): unsigned exp-Golomb. More than 31 leading zeros cannot be a valid syntax element. */
  ue(): number {
    let zeros = 0;
    while (this.u1() === 0) {
      zeros += 1;
      if (zeros > 31) throw new RangeError('exp-Golomb code longer than 32 bits');
    }
    return 2 ** zeros - 1 + this.u(zeros);
  }

  /** se(v): signed exp-Golomb, 1, -1, 2, -2, ... for codes 1, 2, 3, 4, ... */
  se(): number {
    const k = this.ue();
    // 0 - x, not -x: code 0 is +0, never -0 (which JSON and Object.is tell apart).
    return k % 2 === 1 ? (k + 1) / 2 : 0 - k / 2;
  }
}
