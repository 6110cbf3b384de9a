import type { CellValue } from '../../../../shared/records';

/** Empty cells show as a dash so they are not mistaken for zero. */
export function formatCell(value: CellValue): string {
  if (value === null) return '–';
  return String(value);
}
