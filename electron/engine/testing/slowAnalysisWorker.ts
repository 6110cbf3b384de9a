/**
 * Test-only: the real analysis worker, made slow on purpose (each row costs SLOW_ROW_US of busy
 * time before it is checked), so a test can see a full-speed replay outrun it and wait for it.
 */
import { AnalysisStage } from '../analysis/analysisStage';
import { spendRowTime } from './slowAnalysisCost';

const check = AnalysisStage.prototype.appendRecords;
AnalysisStage.prototype.appendRecords = function slowly(this: AnalysisStage, records) {
  spendRowTime(records.length);
  check.call(this, records);
};

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the worker's own entry runs after the patch above
require('../analysis/analysisWorker');
