/** What the rest of the engine may use from source/: other folders import it only through this file. */
export { readCsvBatches } from './csvBatchReader';
export { detectDelimiter } from './csvDialect';
export type { CsvDialect } from './csvDialect';
export { MAX_REJECTED_TEXT } from './csvText';
export { scanFile } from './fileScan/scanFile';
export { isNumericText } from './inferSchema';
export { mainMeasure, measuresInOrder } from './mainMeasure';
export { openSniffedFile } from './openFile';
export type { OpenedFile } from './openedFile';
export { createReplaySource, replayableFile, replaySourceOf, type ReplayableFile } from './replayOrder/createReplaySource';
export type { ReplayBatch, ReplaySource } from './replayOrder/replaySource';
export { RowDecoder } from './rowDecoder';
export { withoutEmptyExtraFields } from './rowWidth';
export { sniffCsv } from './sniffCsv';
export { openUnfolded, type UnfoldedFile } from './wideLayout/unfoldedCopy';
export { resolveTableSchema } from './tableSchema';
export type { TableSchema } from './tableSchema';
export { findTotalRelation, sumMatches, type TotalRelation } from './roles/totalRelation';
