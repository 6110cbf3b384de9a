/**
 * Test-only: the real SQL worker, made slow on purpose (each row inserted costs SLOW_ROW_US of busy
 * time first), so a test can see a full-speed replay outrun it and wait for it.
 */
import { LiveDatabase } from '../sql/liveDatabase';
import { spendRowTime } from './slowAnalysisCost';

const insert = LiveDatabase.prototype.insert;
LiveDatabase.prototype.insert = function slowly(this: LiveDatabase, batch) {
  spendRowTime(batch.values.length);
  return insert.call(this, batch);
};

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the worker's own entry runs after the patch above
require('../sql/sqlWorker');
