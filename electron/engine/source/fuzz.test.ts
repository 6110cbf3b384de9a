/**
 * Fuzz-style test of the whole read path: a seeded generator writes many malformed CSV files
 * (ragged rows, stray and unclosed quotes, invalid UTF-8, bad numbers and dates, blank lines, mixed
 * line ends, a BOM, huge fields) and each is opened and replayed through a ReplaySession on an
 * EmbeddedBus. Nothing may throw out of the engine, every replay must finish, and the counts must
 * reconcile; where the generator knows how many rows it wrote (and on which lines), so must the
 * engine.
 */
import { embeddedBinding } from '../replay/busBinding';
import { afterAll, describe, expect, it } from 'vitest';
import type { TrafficRecord } from '../../../shared/records';
import type { BusMessage } from '../bus/bus';
import { EmbeddedBus } from '../bus/embeddedBus';
import { REPLAY_TOPIC, ReplaySession } from '../replay/replaySession';
import { TRAFFIC_COLUMNS, TempDir, openFixture, rowFields, trafficRows } from '../testing/trafficFixture';
import { mulberry32 } from '../../../sample-data/generator/random';

const temp = new TempDir();
afterAll(() => temp.cleanup());

/** The sample generator's seeded randomness: the same files on every run. */
const random = mulberry32;

type Newline = '\n' | '\r\n' | '\r';
/**
 * How a file uses quotes. 'paired': only well-formed quoted fields and quotes inside unquoted
 * fields; 'unclosed': opening quotes that never close (and no other quote anywhere), which the
 * reader rejects line by line; 'chaos': anything, including closed quotes followed by text.
 */
type QuoteMode = 'none' | 'paired' | 'unclosed' | 'chaos';

interface FuzzFile {
  bytes: Buffer;
  /** 1-based line where each data row starts, when the generator can know it; null otherwise. */
  rowLines: number[] | null;
  description: string;
}

// Not numbers and not a way of writing "no value" (nan, -, n/a read as empty: missingValue.ts).
const BAD_NUMBERS = ['n/a/b', '0x1F', '1e999', '1-2', 'NaNa', '12abc', '١٢', '∞', ' '];
const BAD_DAYS = ['32', '0', 'x', '', '1.5', '-1', '31']; // 31 is bad only in a 30-day month
const BAD_TIMES = ['25:00', 'noon', '13:15 PM', '', '12:60:00 AM', '7'];
const INVALID_UTF8 = [[0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf0, 0x9f], [0xc0, 0xaf], [0x80]];

function generate(seed: number): FuzzFile {
  const rand = random(seed);
  const chance = (p: number): boolean => rand() < p;
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const int = (min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));

  const primary: Newline = pick(['\n', '\n', '\r\n', '\r']);
  const quoteMode: QuoteMode = pick(['none', 'paired', 'paired', 'unclosed', 'chaos']);
  const mixNewlines = chance(0.3);
  const bom = chance(0.3);
  const junction = chance(0.5);
  const huge = chance(0.12) && quoteMode !== 'unclosed';
  const badShare = pick([0, 0.02, 0.1, 0.3, 0.8]);
  const rows = trafficRows(int(1, 600), seed);
  // Mixed line ends keep rows countable only as CRLF lines inside an LF file.
  let countable = quoteMode !== 'chaos';

  const parts: Buffer[] = [];
  const rowLines: number[] = [];
  let line = 1;
  const push = (text: string | Buffer): void => {
    parts.push(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
  };
  const end = (): Newline => {
    if (!mixNewlines || !chance(0.15)) return primary;
    const other = pick<Newline>(['\n', '\r\n', '\r']);
    if (other !== primary && !(primary === '\n' && other === '\r\n')) countable = false;
    return other;
  };
  /** Writes one physical line (or a row spanning several) and its line end. */
  const writeLine = (content: (string | Buffer)[], isRow: boolean, breaksInside = 0, last = false): void => {
    const ending = last && chance(0.5) ? '' : end();
    const text = Buffer.concat(content.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c)));
    const blank = text.length === 0 && (ending === primary || ending === '');
    if (isRow && !blank) rowLines.push(line);
    push(text);
    push(ending);
    line += breaksInside + (ending === '' ? 0 : 1);
  };

  if (bom) push('\uFEFF');
  for (let i = int(0, 2); i > 0 && chance(0.3); i--) writeLine([], false);
  const header = [...TRAFFIC_COLUMNS, ...(junction ? ['Junction'] : [])];
  writeLine([header.join(',')], false);

  const descriptions = new Set<string>();
  rows.forEach((row, index) => {
    const isLast = index === rows.length - 1;
    if (chance(0.03)) {
      writeLine([], false); // a blank line: no row
      descriptions.add('blank');
    }
    const fields: (string | Buffer)[] = [...rowFields(row), ...(junction ? [`J${(index % 5) + 1}`] : [])];
    let breaksInside = 0;
    if (chance(badShare)) {
      const kind = pick(['ragged', 'number', 'day', 'time', 'utf8', 'quote', 'whitespace', 'empty', 'extra-delimiters']);
      descriptions.add(kind);
      switch (kind) {
        case 'ragged':
          fields.splice(int(1, fields.length), int(1, 4));
          if (chance(0.5)) fields.push(...Array.from({ length: int(1, 3) }, () => String(int(0, 9))));
          break;
        case 'number':
          fields[int(3, 7)] = pick(BAD_NUMBERS);
          break;
        case 'day':
          fields[1] = pick(BAD_DAYS);
          break;
        case 'time':
          fields[0] = pick(BAD_TIMES);
          break;
        case 'utf8': {
          const at = int(0, fields.length - 1);
          fields[at] = Buffer.concat([Buffer.from(String(fields[at]), 'utf8'), Buffer.from(pick(INVALID_UTF8))]);
          break;
        }
        case 'quote': {
          const at = int(0, fields.length - 1);
          const value = String(fields[at]);
          if (quoteMode === 'unclosed') fields[at] = `"${value}`;
          else if (quoteMode === 'paired') fields[at] = `${value.slice(0, 1)}"${value.slice(1)}`; // a literal quote mid-field
          else if (quoteMode === 'chaos') fields[at] = pick([`"${value}`, `"${value}"x`, `${value}"`, `"${value}""`, '"']);
          break;
        }
        case 'whitespace':
          fields.splice(0, fields.length, pick([' ', '\t', '   ']));
          break;
        case 'empty':
          fields.fill('');
          break;
        case 'extra-delimiters':
          fields.push('', '');
          break;
      }
    }
    if (quoteMode === 'paired' && chance(0.1)) {
      // A properly quoted situation that holds the delimiter, a doubled quote or a line break.
      const inner = pick(['heavy, slow', 'say ""hi""', `two${primary}lines`, 'plain']);
      fields[8] = `"${inner}"`;
      if (inner.startsWith('two')) breaksInside = 1;
      descriptions.add('quoted');
    }
    if (huge && index === Math.floor(rows.length / 2)) {
      fields[8] = 'h'.repeat(int(1_100_000, 2_000_000));
      descriptions.add('huge');
    }
    const content: (string | Buffer)[] = [];
    fields.forEach((field, i) => {
      if (i > 0) content.push(',');
      content.push(field);
    });
    writeLine(content, true, breaksInside, isLast);
  });

  const description = `seed ${seed}: ${rows.length} rows, newline ${JSON.stringify(primary)}${mixNewlines ? ' mixed' : ''}, quotes ${quoteMode}${bom ? ', BOM' : ''}${junction ? ', junctions' : ''}, bad ${badShare} [${[...descriptions].join(' ')}]`;
  return { bytes: Buffer.concat(parts), rowLines: countable ? rowLines : null, description };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function replay(path: string, rows: number | null = null): Promise<{ session: ReplaySession; bus: EmbeddedBus<TrafficRecord> }> {
  const bus = new EmbeddedBus<TrafficRecord>();
  const session = new ReplaySession(await openFixture(path), embeddedBinding(bus), () => undefined);
  session.start({ mode: 'fast' }, { durationSeconds: null, rows, loop: false });
  const deadline = Date.now() + 20_000;
  while (session.isActive) {
    if (Date.now() > deadline) throw new Error('the replay did not finish');
    await sleep(2);
  }
  return { session, bus };
}

async function producedLines(bus: EmbeddedBus<TrafficRecord>): Promise<number[]> {
  const audit = await bus.consumer({ groupId: 'fuzz-audit', topic: REPLAY_TOPIC });
  const messages: BusMessage<TrafficRecord>[] = [];
  for (let batch = await audit.poll(5000, 0); batch.length > 0; batch = await audit.poll(5000, 0)) messages.push(...batch);
  await audit.close();
  return messages.map((m) => m.value.line);
}

const FILES = 80;

describe('fuzz: malformed CSV files through a whole replay', () => {
  it('writes files of every kind of damage (the generator covers what it should)', () => {
    const all = Array.from({ length: FILES }, (_, i) => generate(1000 + i).description).join('\n');
    for (const kind of ['ragged', 'number', 'day', 'time', 'utf8', 'quote', 'blank', 'quoted', 'huge', 'whitespace', 'mixed', 'BOM', 'unclosed', 'chaos', '"\\r"', '"\\r\\n"']) {
      expect(all, kind).toContain(kind);
    }
    const countable = Array.from({ length: FILES }, (_, i) => generate(1000 + i).rowLines).filter((lines) => lines !== null).length;
    expect(countable).toBeGreaterThan(FILES / 2);
  });

  it.each(Array.from({ length: FILES }, (_, i) => 1000 + i))('seed %i: finishes, never throws, and the counts reconcile', async (seed) => {
    const file = generate(seed);
    const path = temp.write(file.bytes, `fuzz-${seed}.csv`);
    const { session, bus } = await replay(path);
    try {
      const progress = session.progress();
      expect(progress.state, `${file.description}: ${progress.message}`).toBe('finished');
      expect(progress.message).toBeNull();
      expect(progress.rowsRead).toBe(progress.rowsAccepted + progress.rowsRejected);
      expect(progress.rowsConsumed).toBe(progress.rowsAccepted);
      expect(session.stages.thresholdView().evaluated).toBe(progress.rowsAccepted);
      expect(progress.bytesRead).toBe(file.bytes.length);
      expect(progress.totalExact).toBe(true);
      expect(progress.totalRows).toBe(progress.rowsRead);

      const rejected = session.stages.rejectedView(true);
      expect(rejected.total).toBe(progress.rowsRejected);
      for (const row of rejected.rows) expect(row.reason.length, JSON.stringify(row)).toBeGreaterThan(0);
      const rejectedLines = rejected.rows.map((r) => r.line);
      expect(rejectedLines.every((l, i) => i === 0 || l > (rejectedLines[i - 1] as number)), file.description).toBe(true);

      const accepted = await producedLines(bus);
      expect(accepted).toHaveLength(progress.rowsAccepted);
      if (file.rowLines) {
        expect(progress.rowsRead, file.description).toBe(file.rowLines.length);
        if (progress.rowsRejected <= rejected.capacity) {
          // Every row the generator wrote is accounted for, on the line where it starts.
          expect([...accepted, ...rejectedLines].sort((a, b) => a - b), file.description).toEqual(file.rowLines);
        }
      }

      // The same file with a row limit half-way: exactly that many rows, and only the rejected
      // rows before the last one produced.
      if (progress.rowsAccepted === 0 || progress.rowsRejected > rejected.capacity) return;
      const limit = Math.max(1, Math.floor(progress.rowsAccepted / 2));
      const limited = await replay(path, limit);
      try {
        const shortened = limited.session.progress();
        expect(shortened.state).toBe('finished');
        expect(shortened.rowsAccepted).toBe(limit);
        expect(shortened.rowsConsumed).toBe(limit);
        expect(shortened.message).toMatch(/row limit/);
        const lastProduced = accepted[limit - 1] as number;
        const before = rejectedLines.filter((l) => l < lastProduced);
        expect(limited.session.stages.rejectedView(true).rows.map((r) => r.line), file.description).toEqual(before);
        expect(shortened.rowsRead).toBe(limit + before.length);
        expect(shortened.position).toBe(shortened.rowsRead);
      } finally {
        limited.session.dispose();
      }
    } finally {
      session.dispose();
    }
  });
});
