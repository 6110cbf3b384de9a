/**
 * Entry point of the engine worker thread. Running the pipeline here keeps a full-speed replay
 * off the event loop that serves the window (Electron main) or the browser (web host).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isEngineCommandName } from '../../shared/contract';
import { CommandError, toEnvelope } from '../../shared/envelope';
import { Engine } from './engine';
import { defaultSecretStore } from './kafka';
import { HostSecretCipher } from './kafka';
import { setEngineLogSink } from './supervision';
import { builtWorkerScripts } from './workerScripts';
import { toWorkerSchema, type EngineWorkerData, type FromWorker } from './client';

const port = parentPort;
if (!port) throw new Error('engine worker must run in a worker thread');

const post = (message: FromWorker): void => port.postMessage(message);
// The engine's log crosses to the host, which writes it where the user's logs go.
setEngineLogSink((source, line) => post({ kind: 'log', source, line }));
const data = workerData as EngineWorkerData;
// The OS keychain (Electron's safeStorage) lives in the host process; the worker asks it to encrypt.
const keychain = data.secretStorage === 'os-keychain' ? new HostSecretCipher(post) : null;
const engine = new Engine({
  sampleCsvPath: data.sampleCsvPath,
  dataDir: data.dataDir,
  onViewUpdate: (payload) => post({ kind: 'event', name: 'view:update', payload }),
  secretStore: defaultSecretStore(data.dataDir, keychain),
  // Built next to this file (electron.vite.config.ts); sql.js's wasm is found where it is installed.
  workerScripts: builtWorkerScripts(__dirname),
});
void engine.restoreBus();

port.on('message', (raw: unknown) => {
  const parsed = toWorkerSchema.safeParse(raw);
  if (!parsed.success) return; // only the host talks to this port; anything else is a bug, not input
  const message = parsed.data;
  if (message.kind === 'secretReply') {
    keychain?.receive(message);
    return;
  }
  if (message.kind === 'shutdown') {
    engine.stop();
    post({ kind: 'stopped' });
    port.close();
    return;
  }
  const { id, name, args } = message;
  void toEnvelope(() => {
    if (!isEngineCommandName(name)) throw new CommandError('UNKNOWN_COMMAND', `Unknown command: ${name}`);
    return engine.handle(name, args);
  }).then((envelope) => post({ kind: 'result', id, envelope }));
});
