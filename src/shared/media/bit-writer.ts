/** Writes an H.264 RBSP bit by bit: the mirror of BitReader, used by the simulator's stream. */
export class BitWriter {
  private readonly out: number[] = [];
  private current = 0;
  private used = 0;

  u1(value: number): this {
    this.current = (this.current << 1) | (value & 1);
    this.used += 1;
    if (this.used === 8) {
      this.out.push(this.current);
      this.current = 0;
      this.used = 0;
    }
    return this;
  }

  u(n: number, value: number): this {
    for (let i = n - 1; i >= 0; i -= 1) this.u1(Math.floor(value / 2 ** i) % 2);
    return this;
  }

  ue(value: number): this {
    const code = value + 1;
    const length = Math.floor(Math.log2(code));
    this.u(length, 0);
    return this.u(length + 1, code);
  }

  se(value: number): this {
    return this.ue(value > 0 ? 2 * value - 1 : -2 * value);
  }

  /** rbsp_trailing_bits: a stop bit, then zeros to the byte boundary. */
  trailing(): this {
    this.u1(1);
    while (this.used !== 0) this.u1(0);
    return this;
  }

  /** Whole bytes at a byte boundary (I_PCM samples), without going bit by bit. */
  raw(data: Uint8Array): this {
    if (this.used !== 0) throw new Error('BitWriter.raw() off a byte boundary');
    for (const byte of data) this.out.push(byte);
    return this;
  }

  get aligned(): boolean {
    return this.used === 0;
  }

  bytes(): Uint8Array {
    if (this.used !== 0) throw new Error('BitWriter.bytes() before the last byte is complete');
    return Uint8Array.from(this.out);
  }
}
