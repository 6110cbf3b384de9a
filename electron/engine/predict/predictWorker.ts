/**
 * Worker-thread entry of the Predictions panel: the model trains, refits and forecasts here, so a
 * refit never holds up the replay on the engine's thread.
 */
import { parentPort } from 'node:worker_threads';
import type { FromPredictWorker, ToPredictWorker } from './predictWorkerMessages';
import { PredictWorkerService } from './predictWorkerService';

const port = parentPort;
if (!port) throw new Error('the prediction worker must run in a worker thread');
const service = new PredictWorkerService((message: FromPredictWorker) => port.postMessage(message));
port.on('message', (message: ToPredictWorker) => service.receive(message));
port.on('close', () => service.dispose());
