/** Worker entry: runs the graph computations (graphTasks) off the engine's thread, one at a time. */
import { parentPort } from 'node:worker_threads';
import { runGraphTask } from './graphTasks';
import type { FromGraphWorker, ToGraphWorker } from './graphComputer';

parentPort?.on('message', (message: ToGraphWorker) => {
  const started = performance.now();
  let reply: FromGraphWorker;
  try {
    reply = { id: message.id, ok: true, result: runGraphTask(message.task), durationMs: performance.now() - started };
  } catch (error) {
    reply = { id: message.id, ok: false, error: (error as Error).message };
  }
  parentPort?.postMessage(reply);
});
