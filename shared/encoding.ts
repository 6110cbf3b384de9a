/**
 * The text encodings a CSV file may be written in: what Excel and agencies' exports use. The engine
 * detects one on opening; the user may choose another (remembered per header with the roles).
 */
import { z } from 'zod';

export const FILE_ENCODINGS = ['utf-8', 'windows-1252', 'windows-1250', 'utf-16le', 'utf-16be', 'euc-kr', 'gb18030', 'big5', 'shift_jis'] as const;
export type FileEncoding = (typeof FILE_ENCODINGS)[number];
export const fileEncodingSchema = z.enum(FILE_ENCODINGS);

/** For people; Windows-1252 also reads ISO-8859-1 (Latin-1) files, whose printable range it shares. */
export const FILE_ENCODING_LABELS: Record<FileEncoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  // Central European exports (Slovenian, Czech, Polish, Croatian agencies): Š č ž ł ő.
  'windows-1250': 'Windows-1250 (Central European)',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  // East Asian agencies' and spreadsheets' exports (Windows code pages 949, 936, 950, 932).
  'euc-kr': 'EUC-KR / CP949 (Korean)',
  gb18030: 'GB18030 / GBK (Chinese, simplified)',
  big5: 'Big5 (Chinese, traditional)',
  shift_jis: 'Shift_JIS (Japanese)',
};

/** The encodings that write a character in one to four bytes (East Asian code pages). */
export const MULTI_BYTE_ENCODINGS = ['euc-kr', 'gb18030', 'big5', 'shift_jis'] as const satisfies readonly FileEncoding[];
export type MultiByteEncoding = (typeof MULTI_BYTE_ENCODINGS)[number];

/** The encoding a file is read in, and whether the user chose it (else it was detected). */
export const encodingInfoSchema = z.object({ name: fileEncodingSchema, chosen: z.boolean() }).strict();
export type EncodingInfo = z.infer<typeof encodingInfoSchema>;
