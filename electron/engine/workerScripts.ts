/**
 * Where the scripts of the engine's helper threads are. The engine worker passes the scripts built
 * beside it (electron.vite.config.ts); a test passes the ones it exercises; one left out is null,
 * and that helper then runs in the engine's thread (file scan, Kafka producer) or its panel says it
 * is unavailable (SQL, predictions, graph).
 */
import { join } from 'node:path';
import { sqlWasmPath } from './sql';

export interface WorkerScripts {
  /** The whole-file scan's segments. */
  fileScan: string | null;
  /** The Kafka producer (kafkajs's per-message work runs beside the stages, not between them). */
  kafkaProducer: string | null;
  /** The SQL live table: a long query never holds up the replay. */
  sql: string | null;
  /** sql.js's wasm, which the SQL worker loads. */
  sqlWasm: string;
  predict: string | null;
  graph: string | null;
  /** Data quality, profiles and alarms (analysis/analysisFeed.ts). */
  analysis: string | null;
}

/** Fills in what `given` leaves out. */
export function resolveWorkerScripts(given: Partial<WorkerScripts> = {}): WorkerScripts {
  return {
    fileScan: given.fileScan ?? null,
    kafkaProducer: given.kafkaProducer ?? null,
    sql: given.sql ?? null,
    sqlWasm: given.sqlWasm ?? sqlWasmPath(),
    predict: given.predict ?? null,
    graph: given.graph ?? null,
    analysis: given.analysis ?? null,
  };
}

/**
 * The scripts as electron-vite builds them, side by side in `dir` (out/main; see electron.vite.config.ts):
 * what the engine worker runs with, and what the benchmark gives an engine it runs in its own process.
 */
export function builtWorkerScripts(dir: string): Partial<WorkerScripts> {
  return {
    fileScan: join(dir, 'fileScanWorker.js'),
    kafkaProducer: join(dir, 'kafkaProducerWorker.js'),
    sql: join(dir, 'sqlWorker.js'),
    predict: join(dir, 'predictWorker.js'),
    graph: join(dir, 'graphWorker.js'),
    analysis: join(dir, 'analysisWorker.js'),
  };
}
