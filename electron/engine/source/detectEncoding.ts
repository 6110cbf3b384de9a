/**
 * Which encoding a file is written in, from its bytes: a byte-order mark decides; text that is
 * valid UTF-8 is UTF-8; Korean, Chinese or Japanese text is its code page (eastAsianEncoding.ts);
 * bytes of Central European letters make Windows-1250; anything else is Windows-1252, which every byte sequence is, and which
 * covers ISO-8859-1's printable range (what spreadsheets and agencies' exports write besides UTF-8).
 *
 * The head of the file is probed, and its tail too: a file whose first block happens to be plain
 * ASCII (the accented site names come later) must not be read as UTF-8 and lose those rows.
 */
import { isUtf8 } from 'node:buffer';
import type { FileEncoding } from '../../../shared/encoding';
import { incompleteUtf8Tail } from './csvText';
import { centralEuropeanBytes } from './centralEuropeanBytes';
import { eastAsianEncoding } from './eastAsianEncoding';

const BYTE_ORDER_MARKS: readonly { encoding: FileEncoding; bytes: readonly number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

/** Bytes looked at for UTF-16 written without a mark. */
const UTF16_SAMPLE_BYTES = 4096;

export interface FileProbe {
  /** The first bytes of the file. */
  head: Buffer;
  /** The last bytes of the file when the head is not all of it. */
  tail: Buffer | null;
}

/** The encoding a byte-order mark at the start of `head` names, and the mark's length in bytes. */
export function byteOrderMark(head: Buffer): { encoding: FileEncoding; bytes: number } | null {
  const mark = BYTE_ORDER_MARKS.find(({ bytes }) => head.length >= bytes.length && bytes.every((byte, index) => head[index] === byte));
  return mark ? { encoding: mark.encoding, bytes: mark.bytes.length } : null;
}

/** Whether `bytes` is UTF-8, forgiving a character cut by where the probe starts or ends. */
export function isUtf8Probe(bytes: Buffer, cutAtStart: boolean, cutAtEnd: boolean): boolean {
  let from = 0;
  if (cutAtStart) while (from < Math.min(3, bytes.length) && ((bytes[from] as number) & 0xc0) === 0x80) from++;
  const to = cutAtEnd ? bytes.length - incompleteUtf8Tail(bytes) : bytes.length;
  return isUtf8(bytes.subarray(from, Math.max(from, to)));
}

/**
 * Western text written as UTF-16 without a byte-order mark: nearly every other byte is zero, on
 * the high side of each code unit. (Otherwise such a file would be refused for its NUL bytes.)
 */
function unmarkedUtf16(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  const units = Math.floor(Math.min(head.length, UTF16_SAMPLE_BYTES) / 2);
  if (units < 2) return null;
  let lowZero = 0; // zero first byte of a unit
  let highZero = 0; // zero second byte
  for (let unit = 0; unit < units; unit++) {
    if (head[unit * 2] === 0) lowZero++;
    if (head[unit * 2 + 1] === 0) highZero++;
  }
  const mostly = (count: number): boolean => count >= units * 0.9;
  const rarely = (count: number): boolean => count <= units * 0.01;
  if (mostly(highZero) && rarely(lowZero)) return 'utf-16le';
  if (mostly(lowZero) && rarely(highZero)) return 'utf-16be';
  return null;
}

export function detectEncoding({ head, tail }: FileProbe): FileEncoding {
  const marked = byteOrderMark(head)?.encoding ?? unmarkedUtf16(head);
  if (marked) return marked;
  const whole = tail === null;
  const utf8 = isUtf8Probe(head, false, !whole) && (tail === null || isUtf8Probe(tail, true, false));
  if (utf8) return 'utf-8';
  const eastAsian = eastAsianEncoding(head);
  if (eastAsian) return eastAsian;
  return centralEuropeanBytes(head) || (tail !== null && centralEuropeanBytes(tail)) ? 'windows-1250' : 'windows-1252';
}
