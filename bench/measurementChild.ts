/**
 * Child-process entry of one measurement (`replay`, `replay-sql`, `replay-no-analysis`, `parse`, `pacing`, `kafka`, `sql`, `predict`,
 * `windows` or `graph-fps`): prints the result as one JSON line.
 */
import { join, resolve } from 'node:path';
import { measureGraphFps } from './measureGraphFps';
import { measureKafka } from './measureKafka';
import { measurePacing } from './measurePacing';
import { measureParseOnly } from './measureParseOnly';
import { measurePredict } from './measurePredict';
import { measureReplay } from './measureReplay';
import { measureSql } from './measureSql';
import { measureWindows } from './measureWindows';

const root = resolve(__dirname, '..');
const [kind, csvPath, networkPath] = process.argv.slice(2);
if (!csvPath) throw new Error('usage: measurementChild.ts replay|replay-sql|replay-no-analysis|parse|pacing|kafka|sql|predict <csv> | graph-fps <csv> <network>');
const paths = { workerPath: join(root, 'out', 'main', 'engineWorker.js'), rendererDir: join(root, 'out', 'renderer') };
const run =
  kind === 'replay' || kind === 'replay-sql' || kind === 'replay-no-analysis'
    ? measureReplay(csvPath, paths, kind === 'replay-sql', kind === 'replay-no-analysis')
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
