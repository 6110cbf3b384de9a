/** Child-process entry of one measurement (`replay`, `parse` or `pacing`): prints the result as one JSON line. */
import { join, resolve } from 'node:path';
import { measurePacing } from './measurePacing';
import { measureParseOnly } from './measureParseOnly';
import { measureReplay } from './measureReplay';

const root = resolve(__dirname, '..');
const [kind, csvPath] = process.argv.slice(2);
if (!csvPath) throw new Error('usage: measurementChild.ts replay|parse|pacing <csv>');
const paths = { workerPath: join(root, 'out', 'main', 'engineWorker.js'), rendererDir: join(root, 'out', 'renderer') };
const run = kind === 'replay' ? measureReplay(csvPath, paths) : kind === 'parse' ? measureParseOnly(csvPath) : measurePacing(csvPath, paths);
run.then(
  (result) => console.log(JSON.stringify(result)),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
