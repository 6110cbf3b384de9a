/** Child-process entry of a replay measurement: prints the result as one JSON line. */
import { join, resolve } from 'node:path';
import { measureReplay } from './measureReplay';

const root = resolve(__dirname, '..');
const csvPath = process.argv[2];
if (!csvPath) throw new Error('usage: replayChild.ts <csv>');
measureReplay(csvPath, { workerPath: join(root, 'out', 'main', 'engineWorker.js'), rendererDir: join(root, 'out', 'renderer') }).then(
  (result) => console.log(JSON.stringify(result)),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
