/** A file ready to replay: what sniffing found, the schema in force, and what the page is shown. */
import type { FileInfo } from '../../../shared/contract';
import type { ReplayOrder } from './replayOrder/detectReplayOrder';
import type { SniffedCsv } from './sniffCsv';
import type { TableSchema } from './tableSchema';
import type { UnfoldedLineMap } from './wideLayout/unfoldedLines';

export interface OpenedFile {
  sniffed: SniffedCsv;
  schema: TableSchema;
  info: FileInfo;
  /** The order its rows are replayed in; absent: as the file writes them. */
  order?: ReplayOrder;
  /** Read through a working copy (an unfolded wide file): the user's line of each copy line. */
  lineMap?: UnfoldedLineMap;
}
