/** What the rest of the engine may use from predict/: other folders import it only through this file. */
export { createPredictHandlers } from './predictHandlers';
export type { StreamFile } from './predictWorkerMessages';
export { PredictionFeed } from './predictionFeed';
