/** What the rest of the engine may use from windows/: other folders import it only through this file. */
export { locationKey, recordLayout } from './recordLayout';
export type { RecordLayout } from './recordLayout';
export { WindowAggregator } from './windowAggregator';
export { isWindowStatement, parseWindowStatement } from './windowStatement';
export { appendWindowTableCells, windowTableCells, windowTableColumns } from './windowTable';
