/** What the rest of the engine may use from monitor/: other folders import it only through this file. */
export { MonitorSession } from './monitorSession';
export type { MonitorSource } from './monitorSession';
