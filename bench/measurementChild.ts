/**
 * Child-process entry of one measurement (a replay kind of REPLAY_KINDS, `parse`, `pacing`, `kafka`, `sql`, `predict`,
 * `windows` or `graph-fps`): prints the result as one JSON line.
 */
import { join, resolve } from 'node:path';
import { measureGraphFps } from './measureGraphFps';
import { measureKafka } from './measureKafka';
import { measurePacing } from './measurePacing';
import { measureParseOnly } from './measureParseOnly';
import { measurePredict } from './measurePredict';
import { measureReplay, type ReplayOptions } from './measureReplay';
import { BENCH_WINDOWS } from './measureWindows';
import { measureSql } from './measureSql';
import { measureWindows } from './measureWindows';

const root = resolve(__dirname, '..');
const [kind, csvPath, networkPath] = process.argv.slice(2);
/** The full-speed replay through the web host, in the configurations the benchmark compares. */
const REPLAY_KINDS: Record<string, ReplayOptions> = {
  replay: {},
  'replay-sql': { sqlOpen: true },
  'replay-no-analysis': { analysisOff: true },
  /** Everything issue 23 adds off, with the SQL console open (windows need it)… */
  'replay-sql-no-analysis': { sqlOpen: true, analysisOff: true },
  /** …and everything on: data quality, profiles, alarms and two SQL windows. */
  'replay-everything': { sqlOpen: true, windows: BENCH_WINDOWS },
};
if (!csvPath) throw new Error(`usage: measurementChild.ts ${Object.keys(REPLAY_KINDS).join('|')}|parse|pacing|kafka|sql|predict <csv> | graph-fps <csv> <network>`);
const paths = { workerPath: join(root, 'out', 'main', 'engineWorker.js'), rendererDir: join(root, 'out', 'renderer') };
const run =
  kind !== undefined && kind in REPLAY_KINDS
    ? measureReplay(csvPath, paths, REPLAY_KINDS[kind])
    : kind === 'parse'
      ? measureParseOnly(csvPath)
      : kind === 'kafka'
        ? measureKafka(csvPath)
        : kind === 'sql'
          ? measureSql(csvPath, join(root, 'out', 'main', 'sqlWorker.js'))
          : kind === 'predict'
            ? measurePredict(csvPath, join(root, 'sample-data', 'traffic-sample.csv'), join(root, 'out', 'main', 'predictWorker.js'))
            : kind === 'graph-fps'
              ? measureGraphFps({ csvPath, networkPath: networkPath ?? '' }, paths)
              : kind === 'windows'
                ? measureWindows(csvPath, join(root, 'out', 'main', 'sqlWorker.js'))
                : measurePacing(csvPath, paths);
run.then(
  (result) => {
    console.log(JSON.stringify(result));
    process.exit(0); // kafkajs may keep sockets draining for a while; the result is in
  },
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
