/**
 * One file's content written in UTF-8, Windows-1252 and UTF-16 (LE and BE, with a byte-order mark)
 * must read as the same rows, through the replay's streaming reader and through the whole-file
 * scan cut into several segments; checkpoints and seeking must hold in every encoding.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileEncoding } from '../../../shared/encoding';
import { TempDir } from '../testing/trafficFixture';
import { readCsvBatches, type CsvBatch, type ReaderCheckpoint } from './csvBatchReader';
import type { CsvDialect } from './csvDialect';
import { scanFile } from './fileScan/scanFile';
import { openSniffedFile } from './openFile';
import { sniffCsv } from './sniffCsv';
import type { TableSchema } from './tableSchema';

const temp = new TempDir();
afterAll(() => temp.cleanup());

/** The reader's block: a boundary in the file the tests place characters across. */
const READER_BLOCK = 256 * 1024;
const SITES = ['Münchner Straße', 'Zürichstraße', 'Café Allée', 'Øresundsbron', 'Nord'];
const NOTES = ['', 'Stau', '"Baustelle; Umleitung"', '"Unfall, ""schwer"""', 'Messgerät 5 € defekt'];
const HEADER = 'Zeit;Messstelle;Fahrzeuge;Bemerkung';

function row(index: number, site = SITES[index % SITES.length] as string): string {
  const time = new Date(Date.UTC(2026, 9, 1) + index * 60_000).toISOString();
  const count = index % 997 === 500 ? 'k.A.' : String((index * 37) % 400); // text in a number column: rejected
  return `${time};${site};${count};${NOTES[index % NOTES.length] as string}`;
}

function csvText(rows: number): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) lines.push(row(i));
  return `${lines.join('\r\n')}\r\n`;
}

/** Windows-1252's bytes for text in its repertoire (Latin-1 plus what the tests use from 0x80-0x9F). */
function windows1252(text: string): Buffer {
  const extra: Record<string, number> = { '€': 0x80, '\u201c': 0x93, '\u201d': 0x94 };
  return Buffer.from(Array.from(text, (char) => extra[char] ?? (char.charCodeAt(0) <= 0xff ? char.charCodeAt(0) : Number.NaN)));
}

function encode(text: string, encoding: FileEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text);
    case 'windows-1252':
      return windows1252(text);
    case 'windows-1250':
      throw new Error('no Windows-1250 fixture here: see centralEuropeanBytes.test.ts');
    case 'utf-16le':
      return Buffer.from(`\ufeff${text}`, 'utf16le');
    case 'utf-16be':
      return Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
    case 'euc-kr':
    case 'gb18030':
    case 'big5':
    case 'shift_jis':
      throw new Error('no East Asian fixture here: see multiByteCodec.test.ts');
  }
}

interface Opened {
  path: string;
  dialect: CsvDialect;
  schema: TableSchema;
}

async function openAs(bytes: Buffer): Promise<Opened> {
  const path = temp.write(bytes);
  const { sniffed, schema } = await openSniffedFile(await sniffCsv(path), null);
  return { path, dialect: sniffed.dialect, schema };
}

async function readAll(opened: Opened, start?: ReaderCheckpoint): Promise<CsvBatch[]> {
  const batches: CsvBatch[] = [];
  for await (const batch of readCsvBatches({ ...opened, ...(start ? { start } : {}) })) batches.push(batch);
  return batches;
}

const recordsOf = (batches: readonly CsvBatch[]): unknown[] => batches.flatMap((batch) => batch.records);
const rejectedOf = (batches: readonly CsvBatch[]): unknown[] => batches.flatMap((batch) => batch.rejected);

const ENCODINGS: readonly FileEncoding[] = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'];

describe('the same content in every encoding', () => {
  const text = csvText(12_000); // about 1 MB in UTF-8: several reader blocks and scan segments

  it('is detected as written, and gives identical rows through the streaming reader and the three-segment scan', async () => {
    const reference = await openAs(encode(text, 'utf-8'));
    const expectedBatches = await readAll(reference);
    const expectedRecords = recordsOf(expectedBatches);
    const expectedRejected = rejectedOf(expectedBatches);
    expect(expectedRecords).toHaveLength(12_000 - expectedRejected.length);
    expect(expectedRejected.length).toBeGreaterThan(0);
    expect(expectedRecords).toContainEqual(expect.objectContaining({ values: expect.arrayContaining(['Münchner Straße']) }));
    expect(expectedRecords).toContainEqual(expect.objectContaining({ values: expect.arrayContaining(['Nord', 'Messgerät 5 € defekt']) }));
    const expectedProfile = await scanFile({ ...reference, segments: 3, workerPath: null });
    expect(expectedProfile.segments).toBe(3);
    expect(expectedProfile.rows).toBe(12_000);

    for (const encoding of ENCODINGS) {
      const bytes = encode(text, encoding);
      const opened = await openAs(bytes);
      expect(opened.dialect.encoding, encoding).toBe(encoding);
      expect(opened.schema).toEqual(reference.schema);
      const batches = await readAll(opened);
      expect(recordsOf(batches), encoding).toEqual(expectedRecords);
      expect(rejectedOf(batches), encoding).toEqual(expectedRejected);
      expect(batches.at(-1)?.bytesRead).toBe(bytes.length);
      const profile = await scanFile({ ...opened, segments: 3, workerPath: null });
      expect(profile, encoding).toEqual({ ...expectedProfile, rescanned: profile.rescanned });
    }
  });

  it('UTF-16: every checkpoint is the even byte offset of its row, and resuming there reproduces the rows after it', async () => {
    const bytes = encode(text, 'utf-16le');
    const opened = await openAs(bytes);
    const full = await readAll(opened);
    const checkpoints = full.map((batch) => batch.checkpoint).filter((checkpoint) => checkpoint.byte > 0);
    expect(checkpoints.length).toBeGreaterThanOrEqual(4);
    const lines = text.split('\r\n');
    for (const checkpoint of checkpoints) {
      expect(checkpoint.byte % 2).toBe(0);
      const lineText = lines[checkpoint.line - 1] as string;
      expect(bytes.subarray(checkpoint.byte, checkpoint.byte + lineText.length * 2).toString('utf16le')).toBe(lineText);
      const resumed = await readAll(opened, checkpoint);
      expect(recordsOf(resumed)).toEqual(recordsOf(full).filter((record) => (record as { line: number }).line >= checkpoint.line));
      expect(resumed[0]?.checkpoint).toEqual(checkpoint);
    }
  });
});

/** `rows` rows, then one whose site name puts `chars` across byte `boundary`, then `rows` more. */
function acrossBoundary(chars: string, boundary: number, bytesPerChar: number, encoding: FileEncoding): { text: string; site: string } {
  const lines = [HEADER];
  let index = 0;
  let bytes = encode(`${HEADER}\r\n`, encoding).length; // with the mark, in UTF-16
  while (bytes < boundary - 200) {
    const line = row(index++);
    lines.push(line);
    bytes += (line.length + 2) * bytesPerChar; // the rows before the crafted one are all in the encoding's repertoire
  }
  const before = `${row(index).split(';')[0] as string};`;
  const nameStart = bytes + before.length * bytesPerChar;
  const padding = (boundary - nameStart) / bytesPerChar - Math.floor(chars.length / 2);
  const site = `${'x'.repeat(padding)}${chars}straße`;
  lines.push(row(index++, site));
  for (let i = 0; i < 3_000; i++) lines.push(row(index++));
  return { text: `${lines.join('\r\n')}\r\n`, site };
}

describe('characters across block boundaries', () => {
  it('Windows-1252: accented bytes on both sides of the reader\'s block boundary (and a scan block\'s) read as written', async () => {
    const { text, site } = acrossBoundary('äö', READER_BLOCK, 1, 'windows-1252');
    const bytes = encode(text, 'windows-1252');
    expect(bytes.length).toBeGreaterThan(READER_BLOCK);
    expect(bytes.subarray(READER_BLOCK - 1, READER_BLOCK + 1).toString('latin1')).toBe('äö');
    const opened = await openAs(bytes);
    expect(opened.dialect.encoding).toBe('windows-1252');
    const records = recordsOf(await readAll(opened)) as { values: unknown[] }[];
    expect(records.filter((record) => record.values[1] === site)).toHaveLength(1);
    expect(records).toEqual(recordsOf(await readAll(await openAs(encode(text, 'utf-8')))));
    const profile = await scanFile({ ...opened, segments: 3, workerPath: null });
    expect(profile.rows).toBe(records.length + profile.rejected);
  });

  it('UTF-16: a surrogate pair cut by the reader\'s block boundary is one character, and every row still reads', async () => {
    const { text, site } = acrossBoundary('🚗', READER_BLOCK, 2, 'utf-16le');
    const bytes = encode(text, 'utf-16le');
    expect(bytes.subarray(READER_BLOCK - 2, READER_BLOCK + 2).toString('utf16le')).toBe('🚗');
    const opened = await openAs(bytes);
    const batches = await readAll(opened);
    const records = recordsOf(batches) as { values: unknown[] }[];
    expect(records.filter((record) => record.values[1] === site)).toHaveLength(1);
    expect(rejectedOf(batches).every((rejected) => !(rejected as { reason: string }).reason.startsWith('invalid'))).toBe(true);
    expect(records).toEqual(recordsOf(await readAll(await openAs(encode(text, 'utf-8')))));
  });
});

describe('bytes invalid in the detected encoding', () => {
  it('UTF-16: a lone surrogate rejects only its row, with a reason naming UTF-16 LE, and the rows after keep their offsets', async () => {
    const text = csvText(50);
    const bytes = encode(text, 'utf-16le');
    const lines = text.split('\r\n');
    const at = (lines.slice(0, 10).join('\r\n').length + 2 + 3) * 2 + 2; // a code unit inside line 11 (past the mark)
    bytes.writeUInt16LE(0xdc00, at);
    const opened = await openAs(bytes);
    const batches = await readAll(opened);
    const rejected = rejectedOf(batches) as { line: number; reason: string }[];
    expect(rejected.filter((row) => row.reason.startsWith('invalid UTF-16 LE'))).toEqual([expect.objectContaining({ line: 11 })]);
    expect(recordsOf(batches).length + rejected.length).toBe(50);
    expect(batches.at(-1)?.bytesRead).toBe(readFileSync(opened.path).length);
  });
});
