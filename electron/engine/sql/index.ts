/** What the rest of the engine may use from sql/: other folders import it only through this file. */
export { LiveTable } from './liveTable';
export { sqlTime } from './liveTableSchema';
export { createSqlHandlers } from './sqlHandlers';
export { sqlWasmPath } from './sqlWasmPath';
