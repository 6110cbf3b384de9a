/**
 * Worker entry: the analysis stage (data quality, profiles, alarms) off the engine's thread. The
 * engine packs each batch of accepted rows (analysisBatch.ts); this thread unpacks and checks
 * them, and posts the view whenever it changed, at most every VIEW_INTERVAL_MS, and how many rows
 * of the run it has checked, at least every PROGRESS_INTERVAL_MS while rows come (the engine holds
 * the replay when this thread falls too far behind). It runs at background priority.
 */
import { parentPort } from 'node:worker_threads';
import type { NetworkLinks } from '../alarms';
import { lowerThisThreadPriority } from '../supervision';
import { batchLayout, BatchUnpacker } from './analysisBatch';
import { AnalysisStage, VIEW_INTERVAL_MS } from './analysisStage';
import type { FromAnalysisWorker, ToAnalysisWorker } from './analysisWorkerMessages';

let measure: string | null = null;
let network: NetworkLinks | null = null;
let unpacker: BatchUnpacker | null = null;
let run = 0;
let checked = 0;
let progressAt = 0;
const post = (message: FromAnalysisWorker): void => parentPort?.postMessage(message);
const stage = new AnalysisStage({ onChange: () => undefined, measure: () => measure, network: () => network });
/** Rows checked are reported at least this often while rows come, so the engine's hold is short. */
const PROGRESS_INTERVAL_MS = 25;

lowerThisThreadPriority('analysis worker');

parentPort?.on('message', (message: ToAnalysisWorker) => {
  switch (message.kind) {
    case 'restart':
      run = message.run;
      checked = 0;
      measure = message.measure;
      network = message.network;
      unpacker = new BatchUnpacker(batchLayout(message.columns));
      stage.restart(message.columns);
      break;
    case 'rows':
      if (unpacker) stage.appendRecords(unpacker.unpack(message.batch));
      checked += message.batch.rows;
      if (performance.now() - progressAt >= PROGRESS_INTERVAL_MS) sendProgress();
      break;
    case 'configure':
      stage.configure(message.settings);
      break;
    case 'select':
      stage.selectLocations(message.heatmap, message.typical);
      sendView();
      break;
    case 'export':
      stage.export(message.what, message.path).then(
        (rows) => post({ kind: 'exported', id: message.id, ok: true, rows }),
        (error: Error) => post({ kind: 'exported', id: message.id, ok: false, error: error.message }),
      );
      break;
  }
});

function sendProgress(): void {
  progressAt = performance.now();
  post({ kind: 'checked', run, rows: checked });
}

function sendView(): void {
  const view = stage.view(false);
  if (view !== null) post({ kind: 'view', run, view });
  sendProgress();
}

setInterval(sendView, VIEW_INTERVAL_MS / 2).unref();
