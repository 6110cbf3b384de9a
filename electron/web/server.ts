/**
 * `npm run web`: serves the app on http://127.0.0.1:<port>/ for any browser. Works without
 * Electron and without a display.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataDir } from './dataDir';
import { DEFAULT_MAX_UPLOAD_MB } from './uploadStore';
import { DEFAULT_MAX_CLIENTS, WebHost } from './webHost';

const DEFAULT_PORT = 5180;
/** The engine gets 2 s to stop before it is terminated; this leaves room for that and the sockets. */
const SHUTDOWN_DEADLINE_MS = 5000;

function main(): void {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.TRAFFIC_MONITOR_PORT ?? String(DEFAULT_PORT) },
      'data-dir': { type: 'string' },
      'max-clients': { type: 'string', default: String(DEFAULT_MAX_CLIENTS) },
      'max-upload-mb': { type: 'string', default: process.env.TRAFFIC_MONITOR_MAX_UPLOAD_MB ?? String(DEFAULT_MAX_UPLOAD_MB) },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Invalid --port "${values.port}": use a number from 0 to 65535 (0 picks a free port).`);
    process.exit(2);
  }
  const maxClients = Number(values['max-clients']);
  if (!Number.isInteger(maxClients) || maxClients < 1) {
    console.error(`Invalid --max-clients "${values['max-clients']}": use a whole number of at least 1.`);
    process.exit(2);
  }
  const maxUploadMegabytes = Number(values['max-upload-mb']);
  if (!Number.isInteger(maxUploadMegabytes) || maxUploadMegabytes < 1) {
    console.error(`Invalid --max-upload-mb "${values['max-upload-mb']}": use a whole number of megabytes, at least 1.`);
    process.exit(2);
  }
  // Built layout: out/main/webServer.js; the app root is two levels up.
  const appRoot = resolve(__dirname, '..', '..');
  const host = new WebHost({
    port,
    rendererDir: join(appRoot, 'out', 'renderer'),
    workerPath: join(__dirname, 'engineWorker.js'),
    sampleCsvPath: join(appRoot, 'sample-data', 'traffic-sample.csv'),
    // The desktop app's folder unless told otherwise: what the user set up survives a restart.
    dataDir: resolveDataDir(values['data-dir']),
    maxClients,
    maxUploadMegabytes,
  });
  host.start().then(
    (url) => console.log(`Traffic Monitor is running at ${url}`),
    (error: Error) => {
      console.error(`Could not start the web host on 127.0.0.1:${port}: ${error.message}`);
      process.exit(1);
    },
  );
  const shutdown = (): void => {
    // A host that cannot stop in time still has to go: whoever sent the signal is waiting.
    setTimeout(() => {
      console.error(`Traffic Monitor did not stop within ${SHUTDOWN_DEADLINE_MS} ms (still ${host.stopStage}); exiting anyway.`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    void host.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main();
