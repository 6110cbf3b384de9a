/**
 * Test-only: the real prediction worker, made slow on purpose (each stream row costs SLOW_ROW_US of
 * busy time before the model sees it), so a test can see a full-speed replay outrun it and wait.
 */
import { PredictionCore } from '../predict/predictionCore';
import { spendRowTime } from './slowAnalysisCost';

const process = PredictionCore.prototype.process;
PredictionCore.prototype.process = function slowly(this: PredictionCore, batch) {
  spendRowTime(batch.count);
  process.call(this, batch);
};

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the worker's own entry runs after the patch above
require('../predict/predictWorker');
