/** What the rest of the engine may use from supervision/: other folders import it only through this file. */
export { engineLog, setEngineLogSink } from './engineLog';
export { closingAnyway, handledElsewhere, logFailure } from './ignoredErrors';
export { RestartBudget } from './restartBudget';
export { WorkerChannel } from './workerChannel';
export { BACKGROUND_NICE, lowerThisThreadPriority } from './backgroundPriority';
export { isProcessRunning } from './processAlive';
