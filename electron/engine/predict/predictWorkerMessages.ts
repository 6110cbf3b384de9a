/** Messages between the engine's PredictionFeed and the prediction worker. */
import type { PredictSettings } from '../../../shared/predict/predictContract';
import type { PredictExport } from '../../../shared/predict/predictContract';
import type { ReplayableFile } from '../source';
import type { PredictBatch, PredictInput } from './predictBatch';
import type { PredictCoreView } from './predictionCore';

/** The open file, for history taken from its first days; null while watching a topic. */
export interface StreamFile extends ReplayableFile {
  /** Event time of the file's first and last rows, when known: history never takes more than half of it. */
  timeRange: { first: number; last: number } | null;
}

export type ToPredictWorker =
  /** New columns (a new file, corrected roles): everything starts over, history is read again. */
  | { kind: 'reset'; input: PredictInput; locationColumn: string | null; file: StreamFile | null }
  /** A new run over the same columns: the stream starts over, the history and its model stay. */
  | { kind: 'restartStream' }
  | { kind: 'configure'; settings: PredictSettings }
  /** Stream rows; `newLocations` name the batch's location codes not seen before, in code order. */
  | { kind: 'rows'; batch: PredictBatch; newLocations: string[] }
  | { kind: 'selectLocation'; name: string }
  /** Writes the held forecasts or anomalies to `path` (a file the engine chose); answered by `exported`. */
  | { kind: 'export'; id: number; what: PredictExport; path: string };

export type FromPredictWorker =
  | {
      kind: 'view';
      view: PredictCoreView;
      /** Stream rows worked through since the last reset (the engine compares with what it sent). */
      processed: number;
      loadingHistory: boolean;
      /** Why the history could not be read; the model then trains on the stream alone. */
      historyError: string | null;
      /** What the history was, once read: "2,688 rows: first 3.0 days (half the file; 7 asked)". */
      historyRead: string | null;
    }
  | { kind: 'failed'; message: string }
  /** An export's answer: the data rows written, or why no file was written. */
  | { kind: 'exported'; id: number; rows: number }
  | { kind: 'exportFailed'; id: number; message: string };
