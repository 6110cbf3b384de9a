/** What the rest of the engine may use from replay/: other folders import it only through this file. */
export { KAFKA_MAX_CONSUMER_LAG, REPLAY_TOPIC, STAGES_GROUP, embeddedBinding } from './busBinding';
export type { BusBinding } from './busBinding';
export { RateMeter } from './rateMeter';
export { DEFAULT_LIMITS } from './replayLimits';
export { ReplaySession } from './replaySession';
export type { OpenedFile } from './replaySession';
