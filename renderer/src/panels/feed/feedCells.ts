/** What each kind of feed column is called and shows for a row (see feedColumns for the keys). */
import type { FeedRow, FileInfo } from '../../../../shared/contract';
import { formatEventTime } from '../../formatTime';
import type { FeedColumnKey } from './feedColumns';
import { formatCell } from './formatCell';

export interface FeedColumn {
  key: FeedColumnKey;
  label: string;
  /** Shown on the header: where the value comes from. */
  title: string;
  numeric: boolean;
  muted: boolean;
  text(row: FeedRow): string;
}

export function feedColumn(key: FeedColumnKey, file: Pick<FileInfo, 'columns'>): FeedColumn {
  if (key === 'line') return { key, label: 'Line', title: 'Line of the file', numeric: true, muted: false, text: (row) => String(row.line) };
  if (key === 'offset') return { key, label: 'Offset', title: 'Partition / offset on the bus', numeric: true, muted: true, text: (row) => `${row.partition}/${row.offset}` };
  if (key === 'time') {
    return {
      key,
      label: 'Event time',
      title: 'Event time read from the timestamp columns (shifted in later loops)',
      numeric: true,
      muted: false,
      text: (row) => (row.time === null ? '–' : formatEventTime(row.time)),
    };
  }
  const name = key.slice(2);
  const index = file.columns.findIndex((column) => column.name === name);
  const numeric = file.columns[index]?.type === 'number';
  return { key, label: name, title: name, numeric, muted: false, text: (row) => formatCell(row.values[index] ?? null) };
}
