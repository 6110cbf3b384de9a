/** What the rest of the engine may use from client/: other folders import it only through this file. */
export { EngineWorkerHost } from './engineWorkerHost';
export { toWorkerSchema } from './workerProtocol';
export type { EngineWorkerData, FromWorker } from './workerProtocol';
// The shell keeps its own settings file and Kafka secrets with the engine's file and cipher rules.
export type { SecretCipher } from '../kafka';
export { JSON_FILE_MAX_BYTES, JsonFileWriter, readCappedText } from '../settings';
