/**
 * Whether single-byte text is Windows-1250 (Central European) rather than Windows-1252. The two
 * share ASCII and most accented bytes, but Slovenian, Czech, Croatian and Polish write Š š Ž ž
 * (0x8A 0x9A 0x8E 0x9E, the same in both) and Ť ť Ź ź Ś ś (0x8D 0x9D 0x8F 0x9F 0x8C 0x9C) often,
 * where Western text has them seldom (loanwords, Œ œ Ÿ). Read as Windows-1252, 'POČIVALIŠČE'
 * becomes 'POÈIVALIŠÈE': so when such bytes are a good share of all non-ASCII bytes, it is 1250.
 */

/** Letters of Windows-1250 in 0x80..0x9F; in Windows-1252 rare letters, Œ œ Ÿ, or unused bytes. */
const CENTRAL_EUROPEAN = new Set([0x8a, 0x8c, 0x8d, 0x8e, 0x8f, 0x9a, 0x9c, 0x9d, 0x9e, 0x9f]);
/** At least this many such bytes, and this share of the non-ASCII ones (French œ alone stays 1252). */
const MIN_BYTES = 3;
const MIN_SHARE = 0.15;

export function centralEuropeanBytes(bytes: Buffer): boolean {
  let high = 0;
  let central = 0;
  for (const byte of bytes) {
    if (byte < 0x80) continue;
    high++;
    if (CENTRAL_EUROPEAN.has(byte)) central++;
  }
  return central >= MIN_BYTES && central >= high * MIN_SHARE;
}
