/** What the rest of the engine may use from alarms/: other folders import it only through this file. */
export { AlarmDetector, type AlarmDetectorOptions } from './alarmDetector';
export type { NetworkLinks } from './networkPeers';
