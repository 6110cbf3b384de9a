/** What the rest of the engine may use from windows/: other folders import it only through this file. */
export { locationKey, recordLayout } from './recordLayout';
export type { RecordLayout } from './recordLayout';
export type { WindowFigures } from './windowAccumulator';
export { WindowAggregator } from './windowAggregator';
export { isWindowStatement, parseWindowStatement } from './windowStatement';
export { windowTableCells, windowTableColumns, writeWindowTableCells } from './windowTable';
