/**
 * Which way time runs in the rows a replay hands out, as the analysis reads them: the file's own
 * order, except for a file written newest first, which is replayed from its end and so runs
 * oldest first.
 */
import type { FileInfo } from '../../../../shared/contract';
import type { TimeOrder } from '../../../../shared/schema';

export function replayedTimeOrder(info: FileInfo): TimeOrder | null {
  return info.replayOrder?.reversed === true ? 'ascending' : info.timeOrder;
}
