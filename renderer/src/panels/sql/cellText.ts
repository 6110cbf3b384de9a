/**
 * How a result cell reads as text. A value too long for a page arrives cut (see SQL_CELL_MAX_CHARS):
 * its first characters are shown, then how long the whole value is, so nothing looks complete that is not.
 */
import type { CellValue } from '../../../../shared/records';
import type { SqlCell } from '../../../../shared/sql/sqlContract';
import { formatCount } from '../../format';

export function truncatedNote(length: number): string {
  return `… (${formatCount(length)} characters)`;
}

export function cellText(cell: SqlCell | undefined): string {
  if (cell === null || cell === undefined) return 'NULL';
  if (typeof cell === 'object') return cell.text + truncatedNote(cell.length);
  return String(cell);
}

/** A plain value for places that take one (chart labels): a cut cell as the text shown for it. */
export function plainCell(cell: SqlCell | undefined): CellValue {
  if (cell === undefined) return null;
  return cell !== null && typeof cell === 'object' ? cellText(cell) : cell;
}
