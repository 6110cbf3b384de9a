/**
 * A replay source whose rows are read from a working copy (an unfolded wide file) but must be
 * shown with the lines of the user's own file: records and rejected rows get them on the way out.
 */
import type { SeekTarget } from '../../../../shared/contract';
import { originalLine, type UnfoldedLineMap } from '../wideLayout/unfoldedLines';
import type { ReplayBatch, ReplaySource } from './replaySource';

export class LineMappedSource implements ReplaySource {
  constructor(
    private readonly inner: ReplaySource,
    private readonly map: UnfoldedLineMap,
  ) {}

  async *rows(seek: SeekTarget | null, signal: AbortSignal): AsyncGenerator<ReplayBatch> {
    for await (const batch of this.inner.rows(seek, signal)) {
      for (const record of batch.records) record.line = originalLine(this.map, record.line);
      for (const row of batch.rejected) row.line = originalLine(this.map, row.line);
      yield batch;
    }
  }

  dispose(): void {
    this.inner.dispose?.();
  }
}
