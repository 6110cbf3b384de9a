/**
 * Whether bytes that are not UTF-8 are Korean, Chinese or Japanese text in its Windows code page
 * (Korea Expressway's and many Asian agencies' exports are CP949; read as Windows-1252, `집계일자`
 * became `Áý°èÀÏÀÚ`). Which of the four cannot be told from the bytes' shape alone (they share
 * their byte ranges), so chardet's statistics of each language's characters decide; its guess
 * counts only when it is sure enough and the bytes decode in that encoding without an invalid one.
 * Western single-byte text (é between ASCII letters) does not pass: its high bytes stand alone.
 */
import { analyse } from 'chardet';
import { TextDecoder } from 'node:util';
import type { MultiByteEncoding } from '../../../shared/encoding';

const BY_CHARDET_NAME: Readonly<Record<string, MultiByteEncoding>> = {
  'EUC-KR': 'euc-kr',
  GB18030: 'gb18030',
  Big5: 'big5',
  Shift_JIS: 'shift_jis',
};
/** chardet's confidence (0-100) its first guess needs; Western files give these code pages 10 at most. */
const MIN_CONFIDENCE = 30;
/** Bytes looked at: a few hundred lines, plenty for the statistics. */
const SAMPLE_BYTES = 64 * 1024;

export function eastAsianEncoding(bytes: Buffer): MultiByteEncoding | null {
  let sample = bytes.subarray(0, SAMPLE_BYTES);
  // Whole lines only: where the sample (or the head it is taken from) ends may cut a character.
  const lastBreak = sample.lastIndexOf(0x0a);
  if (lastBreak > 0) sample = sample.subarray(0, lastBreak + 1);
  const [best] = analyse(sample);
  const encoding = best && best.confidence >= MIN_CONFIDENCE ? BY_CHARDET_NAME[best.name] : undefined;
  if (encoding === undefined) return null;
  try {
    new TextDecoder(encoding, { fatal: true }).decode(sample);
    return encoding;
  } catch {
    return null;
  }
}
