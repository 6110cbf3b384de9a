/**
 * Slash dates that every row leaves open (day and month both 12 or less, as in a snapshot of one
 * moment or a file of the first days of a month) are read month first by default, as an American
 * file would be. A file that writes numbers as continental Europe does, with `;` between fields
 * (spreadsheets there save CSV so, since the comma is their decimal mark) or with decimal commas,
 * writes its dates day first: Madrid's traffic sensors stamp `08/12/2020 18:10:27` for 8 December.
 * Only when nothing in the rows decides, and never over the user's own choice.
 */
import type { SchemaOverrides, TimeSource } from '../../../../shared/schema';
import type { TableSchema } from '../tableSchema';
import { ownFormatLabel, TIME_FORMATS } from './timeFormats';

const quoted = (text: string): string => JSON.stringify(text);

export function settleDateOrderByLocale(
  schema: TableSchema,
  names: readonly string[],
  rows: readonly (readonly string[])[],
  delimiter: string,
  overrides: SchemaOverrides | null = null,
): TableSchema {
  const time = schema.time;
  if (time === null || overrides?.timeFormat) return schema;
  const column = time.kind === 'column' && time.format === 'mdy' ? time.column : time.kind === 'parts' && time.dateFormat === 'mdy' ? time.date : null;
  if (column === null) return schema;
  const european = delimiter === ';' || schema.decimalComma;
  if (!european) return schema;
  const index = names.indexOf(column);
  const dayFirst = TIME_FORMATS.dmy;
  // Every value must read both ways: a day above 12 anywhere has decided the order already.
  const values = rows.map((row) => (row[index] ?? '').trim()).filter((value) => value !== '');
  if (values.length === 0 || !values.every((value) => dayFirst.parse(value) !== null)) return schema;
  const why = delimiter === ';' ? '";" between fields' : 'decimal commas';
  const note = `${quoted(column)} is read day first: every date could be either (day and month 12 or less), and the file writes as continental Europe does (${why}); choose month first in Edit roles if it is American.`;
  let settled: TimeSource = time;
  if (time.kind === 'column') settled = { ...time, format: 'dmy', label: ownFormatLabel(dayFirst.label, values[0] ?? null) };
  else if (time.kind === 'parts') settled = { ...time, dateFormat: 'dmy' };
  return { ...schema, time: settled, notes: [...schema.notes, note] };
}
