/**
 * Reads the road-network file a user loads for the Junction graph: JSON
 * (`{ name, junctions: [{id, name, lat, lon}], links: [{from, to, lengthM, lanes, name}] }`) or CSV
 * with a `from,to[,length][,lanes][,name]` header. A network file is hand-made, so it is read
 * forgivingly: every bad row is reported in plain words (where it is, what is wrong) and skipped, and
 * the rest still loads. Nothing here throws for bad content; a file that cannot be read at all gives
 * one 'unreadable' problem and an empty network.
 */
import { extname } from 'node:path';
import Papa from 'papaparse';
import { z } from 'zod';
import { CappedReadError, MB, readCappedText } from '../settings';

/** A junction network of tens of thousands of junctions and links is a few megabytes. */
export const NETWORK_FILE_MAX_BYTES = 64 * MB;

export type NetworkProblemKind = 'unknown-location' | 'self-loop' | 'duplicate-link' | 'bad-coordinates' | 'bad-field' | 'unreadable';

export interface NetworkProblem {
  kind: NetworkProblemKind;
  /** "line 7" for CSV, "links[3]" / "junctions[2]" for JSON, "file" for the whole file. */
  where: string;
  /** Plain words naming the ids and values involved. */
  message: string;
}

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface NetworkJunction {
  id: string;
  name: string | null;
  /** Null when the file gives none, or gives ones that cannot be right (reported as a problem). */
  coordinates: GeoPoint | null;
  /** Where in the file the junction was listed, in the same words as a problem's `where`. */
  where: string;
}

/** A two-way road between two junctions. */
export interface NetworkLink {
  from: string;
  to: string;
  lengthM: number | null;
  lanes: number | null;
  name: string | null;
  /** Where in the file the link was listed, in the same words as a problem's `where`. */
  where: string;
}

export interface ParsedNetwork {
  name: string | null;
  junctions: NetworkJunction[];
  links: NetworkLink[];
  problems: NetworkProblem[];
}

export type NetworkFileFormat = 'json' | 'csv';

// ---------------------------------------------------------------------------------------------
// Field rules shared by both formats (CSV cells arrive as strings, JSON values as themselves).

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function asNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value.trim());
  return Number.NaN;
}

/** A junction id: a non-empty string (trimmed) or a plain number, kept as text. */
function junctionIdField(label: string) {
  return z.unknown().optional().transform((value, ctx): string => {
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    ctx.addIssue({ code: 'custom', message: isBlank(value) ? `${label} is missing` : `${label} ${describeValue(value)} is not a junction id` });
    return z.NEVER;
  });
}

/** An optional positive number (a whole one when `wholeNumber`); blank means "not given". */
function optionalPositiveField(label: string, wholeNumber: boolean) {
  return z.unknown().optional().transform((value, ctx): number | null => {
    if (isBlank(value)) return null;
    const number = asNumber(value);
    if (Number.isFinite(number) && number > 0 && (!wholeNumber || Number.isInteger(number))) return number;
    ctx.addIssue({ code: 'custom', message: `${label} ${describeValue(value)} is not a positive ${wholeNumber ? 'whole number' : 'number'}` });
    return z.NEVER;
  });
}

/** Optional free text; blank means "not given". */
function optionalTextField(label: string) {
  return z.unknown().optional().transform((value, ctx): string | null => {
    if (isBlank(value)) return null;
    if (typeof value === 'string') return value.trim();
    if (typeof value === 'number') return String(value);
    ctx.addIssue({ code: 'custom', message: `${label} ${describeValue(value)} is not text` });
    return z.NEVER;
  });
}

const linkFieldsSchema = z.object({
  from: junctionIdField('from'),
  to: junctionIdField('to'),
  lengthM: optionalPositiveField('length', false),
  lanes: optionalPositiveField('lanes', true),
  name: optionalTextField('name'),
});

const junctionFieldsSchema = z.object({
  id: junctionIdField('id'),
  name: optionalTextField('name'),
  lat: z.unknown().optional(),
  lon: z.unknown().optional(),
});

const jsonDocumentSchema = z.object({
  name: z.unknown().optional(),
  junctions: z.array(z.unknown()).optional(),
  links: z.array(z.unknown()),
});

function issuesInWords(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.code === 'custom' ? issue.message : `${issue.path.join('.') || 'entry'}: ${issue.message}`)).join('; ');
}

/** Lat/lon must both be given and on the globe; otherwise the junction is kept without them. */
function checkCoordinates(id: string, lat: unknown, lon: unknown): { coordinates: GeoPoint | null; problem: string | null } {
  if (isBlank(lat) && isBlank(lon)) return { coordinates: null, problem: null };
  const latitude = asNumber(lat);
  const longitude = asNumber(lon);
  if (Number.isFinite(latitude) && Number.isFinite(longitude) && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) {
    return { coordinates: { lat: latitude, lon: longitude }, problem: null };
  }
  return {
    coordinates: null,
    problem: `junction ${id} has coordinates lat ${describeValue(lat)}, lon ${describeValue(lon)}, which are not on the globe (lat within ±90, lon within ±180); it is kept without a position`,
  };
}

function unorderedPairKey(a: string, b: string): string {
  return a < b ? JSON.stringify([a, b]) : JSON.stringify([b, a]);
}

/** Accumulates a network row by row, applying the rules every format shares. */
class NetworkCollector {
  readonly junctions: NetworkJunction[] = [];
  readonly links: NetworkLink[] = [];
  readonly problems: NetworkProblem[] = [];
  private readonly junctionWhere = new Map<string, string>();
  private readonly linkWhere = new Map<string, string>();

  report(kind: NetworkProblemKind, where: string, message: string): void {
    this.problems.push({ kind, where, message });
  }

  addJunction(raw: unknown, where: string): void {
    const parsed = junctionFieldsSchema.safeParse(raw);
    if (!parsed.success) {
      this.report('bad-field', where, `junction skipped: ${issuesInWords(parsed.error)}`);
      return;
    }
    const { id, name, lat, lon } = parsed.data;
    const earlier = this.junctionWhere.get(id);
    if (earlier !== undefined) {
      this.report('bad-field', where, `junction ${id} is listed again (first at ${earlier}); this one is skipped`);
      return;
    }
    const { coordinates, problem } = checkCoordinates(id, lat, lon);
    if (problem) this.report('bad-coordinates', where, problem);
    this.junctionWhere.set(id, where);
    this.junctions.push({ id, name, coordinates, where });
  }

  addLink(raw: unknown, where: string): void {
    const parsed = linkFieldsSchema.safeParse(raw);
    if (!parsed.success) {
      this.report('bad-field', where, `link skipped: ${issuesInWords(parsed.error)}`);
      return;
    }
    const link = parsed.data;
    if (link.from === link.to) {
      this.report('self-loop', where, `link from ${link.from} to itself skipped: a road must join two different junctions`);
      return;
    }
    const key = unorderedPairKey(link.from, link.to);
    const earlier = this.linkWhere.get(key);
    if (earlier !== undefined) {
      this.report('duplicate-link', where, `link ${link.from}–${link.to} repeats the one at ${earlier} (roads are two-way); this one is skipped`);
      return;
    }
    this.linkWhere.set(key, where);
    this.links.push({ ...link, where });
  }

  result(name: string | null): ParsedNetwork {
    return { name, junctions: this.junctions, links: this.links, problems: this.problems };
  }
}

function unreadable(message: string): ParsedNetwork {
  return { name: null, junctions: [], links: [], problems: [{ kind: 'unreadable', where: 'file', message }] };
}

function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// ---------------------------------------------------------------------------------------------
// JSON

/** A link object may spell its length `lengthM`, `length_m` or `length`. */
function linkWithLengthAliases(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const fields = raw as Record<string, unknown>;
  const lengthM = [fields.lengthM, fields.length_m, fields.length].find((value) => value !== undefined);
  return { ...fields, lengthM };
}

export function parseNetworkJson(text: string): ParsedNetwork {
  let document: unknown;
  try {
    document = JSON.parse(withoutByteOrderMark(text));
  } catch (error) {
    // V8's message quotes the text; a file opened as the wrong thing must not be shown back (issue 19).
    const position = error instanceof Error ? /position (\d+)/.exec(error.message)?.[1] : undefined;
    return unreadable(`the file is not valid JSON${position === undefined ? '' : ` (at character ${position})`}`);
  }
  const shape = jsonDocumentSchema.safeParse(document);
  if (!shape.success) {
    return unreadable('the JSON is not a road network: expected an object with a "links" list (and optionally "name" and "junctions" lists)');
  }
  const collector = new NetworkCollector();
  const name = typeof shape.data.name === 'string' && shape.data.name.trim() !== '' ? shape.data.name.trim() : null;
  (shape.data.junctions ?? []).forEach((junction, index) => collector.addJunction(junction, `junctions[${index}]`));
  shape.data.links.forEach((link, index) => collector.addLink(linkWithLengthAliases(link), `links[${index}]`));
  return collector.result(name);
}

// ---------------------------------------------------------------------------------------------
// CSV

type LinkColumn = 'from' | 'to' | 'lengthM' | 'lanes' | 'name';

const CSV_COLUMN_FOR_HEADER: Readonly<Record<string, LinkColumn>> = {
  from: 'from',
  to: 'to',
  length: 'lengthM',
  lengthm: 'lengthM',
  length_m: 'lengthM',
  lanes: 'lanes',
  name: 'name',
};

interface CsvRecord {
  cells: string[];
  /** The line the record ends on (a quoted name may run over several lines). */
  line: number;
}

const LINE_BREAK = /\r\n|\r|\n/g;

function countLineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

/**
 * papaparse only sees a quote that opens a field, and a hand-made file may have a space before it
 * (`A, B, "Quay Road, north"`); such spaces are dropped first. (Inside a quoted field the same
 * characters can only be a comma, spaces and a doubled quote, where the spaces would go too.)
 */
const SPACES_BEFORE_OPENING_QUOTE = /(^|,)[ \t]+"/gm;

/** Why papaparse rejects a row, in plain words. */
function csvErrorInWords(error: Papa.ParseError): string {
  if (error.code === 'MissingQuotes') return 'a quoted field never closes';
  if (error.code === 'InvalidQuotes') return 'text follows a closing quote (a quote inside a quoted field must be doubled, "")';
  return error.message;
}

/**
 * Reads the records with their line numbers: cells trimmed, blank lines skipped, a row papaparse
 * cannot read reported (where it starts) and skipped. After a quoted field that never closes,
 * papaparse reads the rest of the file into that one row, so the rows after it are lost with it.
 */
function readCsvRecords(fileText: string, collector: NetworkCollector): CsvRecord[] {
  const text = fileText.replace(SPACES_BEFORE_OPENING_QUOTE, '$1"');
  const records: CsvRecord[] = [];
  let rowStart = 0;
  let rowStartLine = 1;
  Papa.parse<string[]>(text, {
    delimiter: ',', // never guessed: a network file is comma-separated
    step: (result) => {
      const rowEnd = result.meta.cursor;
      const raw = text.slice(rowStart, rowEnd);
      const lineBreak = /(\r\n|\r|\n)$/.exec(raw)?.[0] ?? '';
      const content = raw.slice(0, raw.length - lineBreak.length);
      const startLine = rowStartLine;
      const line = startLine + countLineBreaks(content);
      rowStart = rowEnd;
      rowStartLine = line + (lineBreak === '' ? 0 : 1);

      if (content.trim() === '') return; // a blank line
      const [error] = result.errors;
      if (error) {
        collector.report('bad-field', `line ${startLine}`, `row skipped: it is not valid CSV (${csvErrorInWords(error)})`);
        return;
      }
      records.push({ cells: result.data.map((cell) => cell.trim()), line });
    },
  });
  return records;
}

export function parseNetworkCsv(text: string): ParsedNetwork {
  const collector = new NetworkCollector();
  const [header, ...rows] = readCsvRecords(withoutByteOrderMark(text), collector);
  if (!header) return unreadable('the file is empty: expected a header line with at least "from" and "to" columns');
  const columns = header.cells.map((cell) => CSV_COLUMN_FOR_HEADER[cell.toLowerCase()] ?? null);
  if (!columns.includes('from') || !columns.includes('to')) {
    return unreadable(`the first line must be a header with "from" and "to" columns; its ${header.cells.length} column(s) name neither`);
  }
  for (const { cells, line } of rows) {
    const fields: Partial<Record<LinkColumn, string>> = {};
    columns.forEach((column, index) => {
      if (column !== null && fields[column] === undefined) fields[column] = cells[index];
    });
    collector.addLink(fields, `line ${line}`);
  }
  return { ...collector.result(null), problems: collector.problems.sort((a, b) => lineNumber(a.where) - lineNumber(b.where)) };
}

/** CSV problems come from two places (the reader and the row rules); they are listed in file order. */
function lineNumber(where: string): number {
  const match = /^line (\d+)$/.exec(where);
  return match ? Number(match[1]) : 0;
}

// ---------------------------------------------------------------------------------------------
// Files

/** `.json` and `.csv`/`.txt` say what they are; otherwise the content decides (`{` starts JSON). */
export function detectNetworkFormat(path: string, text: string): NetworkFileFormat {
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.csv' || extension === '.txt') return 'csv';
  return withoutByteOrderMark(text).trimStart().startsWith('{') ? 'json' : 'csv';
}

export function parseNetworkText(text: string, format: NetworkFileFormat): ParsedNetwork {
  return format === 'json' ? parseNetworkJson(text) : parseNetworkCsv(text);
}

export async function parseNetworkFile(path: string): Promise<ParsedNetwork> {
  let text: string;
  try {
    text = await readCappedText(path, NETWORK_FILE_MAX_BYTES);
  } catch (error) {
    if (error instanceof CappedReadError) return unreadable(`the file could not be read: ${error.message}`);
    return unreadable(`the file could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
  return parseNetworkText(text, detectNetworkFormat(path, text));
}
