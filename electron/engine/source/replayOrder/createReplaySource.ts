/** The replay order an opened file was found to need, as a source of rows. */
import type { OpenedFile } from '../openedFile';
import { FileOrderSource } from './fileOrderSource';
import { MergedRunsSource } from './mergedRunsSource';
import type { ReplaySource } from './replaySource';
import { ReversedFileSource } from './reversedFileSource';

export function createReplaySource(file: OpenedFile): ReplaySource {
  const readable = { path: file.sniffed.path, dialect: file.sniffed.dialect, schema: file.schema };
  if (file.order?.kind === 'reversed') return new ReversedFileSource({ ...readable, sizeBytes: file.sniffed.sizeBytes });
  if (file.order?.kind !== 'merged') return new FileOrderSource(readable);
  return new MergedRunsSource({ ...readable, sizeBytes: file.sniffed.sizeBytes, estimatedRows: file.sniffed.estimatedRows }, file.order.runs, file.order.newestFirst);
}
