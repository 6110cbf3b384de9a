import type { CellValue } from '../../../../shared/records';
import type { TruncatedCell } from '../../../../shared/sql/sqlContract';
import { truncatedNote } from '../sql/cellText';

/**
 * Empty cells show as a dash so they are not mistaken for zero. A long text arrives cut (the
 * engine's feedCells.ts): its start, then how long the whole value is, as in a SQL result.
 */
export function formatCell(value: CellValue | TruncatedCell): string {
  if (value === null) return '–';
  if (typeof value === 'object') return value.text + truncatedNote(value.length);
  return String(value);
}
