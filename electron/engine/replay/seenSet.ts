/**
 * Which sequence numbers of a replay have been seen, one bit each: a ten-million-row replay costs
 * 1.25 MB, and telling a redelivered row from a new one is a bit test.
 */
export class SeenSet {
  private bits = new Uint8Array(1024);

  /** Marks `seq`; false when it was already marked. */
  add(seq: number): boolean {
    const byte = seq >>> 3;
    if (byte >= this.bits.length) {
      const grown = new Uint8Array(Math.max(this.bits.length * 2, byte + 1));
      grown.set(this.bits);
      this.bits = grown;
    }
    const mask = 1 << (seq & 7);
    if ((this.bits[byte] as number) & mask) return false;
    this.bits[byte] = (this.bits[byte] as number) | mask;
    return true;
  }

  clear(): void {
    this.bits = new Uint8Array(1024);
  }
}
