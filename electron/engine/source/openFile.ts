/**
 * From a sniffed file and the user's remembered corrections to everything a replay needs: the
 * schema in force, the time range for the scrubber, and the description the page shows.
 */
import type { FileInfo } from '../../../shared/contract';
import type { SchemaOverrides } from '../../../shared/schema';
import type { OpenedFile } from './openedFile';
import { readTimeRange } from './fileTimeRange';
import { sniffCsv, type SniffedCsv } from './sniffCsv';
import { detectReplayOrder, mergedTimeRange, replayOrderInfo } from './replayOrder/detectReplayOrder';
import { resolveTableSchema, settleByLaterRows } from './tableSchema';
import { detectTimeOrder } from './time/timeOrder';
import { timedRows } from './time/timedSample';

const PREVIEW_ROWS = 8;
const HEADERLESS_NOTE =
  'The first line holds numbers and times, not column names: the file has no header, so its columns are named Column 1, Column 2… and the first line is read as a row.';

const LINE_END_DELIMITER_NOTE = 'Rows end with a delimiter after the last column: the empty field it makes is not a column, and such rows are read whole.';

const MAX_TITLE_QUOTED = 60;

/** Says which lines above the header were passed over, so nothing is dropped unseen. */
function titleNote(sniffed: SniffedCsv): string[] {
  const header = sniffed.dialect.headerAt;
  if (!header) return [];
  const first = sniffed.titleLines[0] ?? '';
  const quoted = JSON.stringify(first.length > MAX_TITLE_QUOTED ? `${first.slice(0, MAX_TITLE_QUOTED)}…` : first);
  const lines = header.line === 2 ? 'Line 1 is' : `Lines 1–${header.line - 1} are`;
  return [`${lines} a title above the table (${quoted}${sniffed.titleLines.length > 1 ? ' …' : ''}), not rows: the header is line ${header.line}.`];
}

/**
 * The file as read in the encoding the corrections ask for (or the detected one when they ask for
 * none): sniffed again only when that differs from how it was read.
 */
async function inWantedEncoding(sniffed: SniffedCsv, overrides: SchemaOverrides | null): Promise<SniffedCsv> {
  const wanted = overrides?.encoding ?? sniffed.detectedEncoding;
  if (wanted === sniffed.dialect.encoding) return sniffed;
  return sniffCsv(sniffed.path, { encoding: wanted });
}

export async function openSniffedFile(file: SniffedCsv, overrides: SchemaOverrides | null): Promise<OpenedFile> {
  const sniffed = await inWantedEncoding(file, overrides);
  const { names, sampleRows, laterRows = [], dialect } = sniffed;
  const schema = settleByLaterRows(resolveTableSchema(names, sampleRows, dialect.delimiter, overrides), names, sampleRows, laterRows, dialect.delimiter, overrides);
  const head = timedRows(sniffed.sampleRows, schema);
  const timeRange = await readTimeRange(sniffed, schema, head);
  // Newest first or oldest first, from the rows already read: the health checks read the file that way.
  const timeOrder = detectTimeOrder(head).order;
  // A file grouped by location is replayed merged by time: its span is the union of its runs'.
  const order = await detectReplayOrder(sniffed, schema, head, timeOrder);
  const info: FileInfo = {
    path: sniffed.path,
    name: sniffed.name,
    sizeBytes: sniffed.sizeBytes,
    delimiter: sniffed.dialect.delimiter,
    decimalComma: schema.decimalComma,
    columns: schema.columns,
    time: schema.time,
    location: schema.location,
    measure: schema.measure,
    notes: [...(sniffed.dialect.headerless ? [HEADERLESS_NOTE] : []), ...titleNote(sniffed), ...(sniffed.lineEndDelimiter ? [LINE_END_DELIMITER_NOTE] : []), ...schema.notes],
    timeRange: order.kind === 'merged' ? mergedTimeRange(order.runs) : timeRange,
    timeOrder,
    preview: sniffed.sampleRows.slice(0, PREVIEW_ROWS),
    rolesRemembered: overrides !== null,
    estimatedRows: sniffed.estimatedRows,
    ...replayOrderInfo(order),
    encoding: { name: sniffed.dialect.encoding, chosen: sniffed.dialect.encoding !== sniffed.detectedEncoding },
  };
  return { sniffed, schema, info, order };
}
