/**
 * The rows as the file writes them: the streaming reader, with a seek starting at the nearest
 * block already read (CheckpointIndex) and skipping to the target from there. This is the path
 * every ordinary file takes, unchanged.
 */
import type { SeekTarget } from '../../../../shared/contract';
import { CheckpointIndex } from '../checkpointIndex';
import { readCsvBatches } from '../csvBatchReader';
import type { CsvDialect } from '../csvDialect';
import type { TableSchema } from '../tableSchema';
import { rejectedPositions, type ReplayBatch, type ReplaySource } from './replaySource';

export interface ReadableFile {
  path: string;
  dialect: CsvDialect;
  schema: TableSchema;
}

export class FileOrderSource implements ReplaySource {
  private readonly checkpoints = new CheckpointIndex();

  constructor(private readonly file: ReadableFile) {}

  async *rows(seek: SeekTarget | null, signal: AbortSignal): AsyncGenerator<ReplayBatch> {
    const { path, dialect, schema } = this.file;
    const start = seek ? this.checkpoints.before(seek) : undefined;
    for await (const batch of readCsvBatches({ path, dialect, schema, signal, start, skipUntil: seek ?? undefined })) {
      this.checkpoints.add(batch.checkpoint);
      const { records, rejected, bytesRead, rowsSoFar, skipped } = batch;
      yield { records, rejected, rejectedAt: rejected.length === 0 ? [] : rejectedPositions(records, rejected), bytesRead, rowsSoFar, skipped };
    }
  }
}
