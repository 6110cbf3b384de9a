/** The replay order an opened file was found to need, as a source of rows. */
import type { CsvDialect } from '../csvDialect';
import type { OpenedFile } from '../openedFile';
import type { TableSchema } from '../tableSchema';
import type { ReplayOrder } from './detectReplayOrder';
import { FileOrderSource } from './fileOrderSource';
import { MergedRunsSource } from './mergedRunsSource';
import { LineMappedSource } from './lineMappedSource';
import type { ReplaySource } from './replaySource';
import type { UnfoldedLineMap } from '../wideLayout/unfoldedLines';
import { ReversedFileSource } from './reversedFileSource';

/**
 * What reading a file in replay order takes, as plain data: a worker (the prediction worker's
 * history) gets it in a message and reads the rows in the order the replay does.
 */
export interface ReplayableFile {
  path: string;
  dialect: CsvDialect;
  schema: TableSchema;
  sizeBytes: number;
  estimatedRows: number;
  /** Absent: as the file writes them. */
  order?: ReplayOrder;
  /** A working copy's lines as the user's file numbers them (see unfoldedLines.ts). */
  lineMap?: UnfoldedLineMap;
}

export function replayableFile(file: OpenedFile): ReplayableFile {
  const { path, dialect, sizeBytes, estimatedRows } = file.sniffed;
  return { path, dialect, schema: file.schema, sizeBytes, estimatedRows, ...(file.order ? { order: file.order } : {}), ...(file.lineMap ? { lineMap: file.lineMap } : {}) };
}

export function replaySourceOf(file: ReplayableFile): ReplaySource {
  const source = inOrder(file);
  return file.lineMap ? new LineMappedSource(source, file.lineMap) : source;
}

function inOrder(file: ReplayableFile): ReplaySource {
  const readable = { path: file.path, dialect: file.dialect, schema: file.schema };
  if (file.order?.kind === 'reversed') return new ReversedFileSource({ ...readable, sizeBytes: file.sizeBytes });
  if (file.order?.kind !== 'merged') return new FileOrderSource(readable);
  return new MergedRunsSource({ ...readable, sizeBytes: file.sizeBytes, estimatedRows: file.estimatedRows }, file.order.runs, file.order.newestFirst);
}

export function createReplaySource(file: OpenedFile): ReplaySource {
  return replaySourceOf(replayableFile(file));
}
