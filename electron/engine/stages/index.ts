/** What the rest of the engine may use from stages/: other folders import it only through this file. */
export { FEED_CAPACITY } from './feedWindow';
export type { FeedEntry } from './feedWindow';
export { PipelineStages } from './pipelineStages';
export { REJECT_LOG_CAPACITY } from './rejectLog';
export { RejectSpill } from './rejectSpill';
export { sweepStaleSpills } from './staleSpills';
export type { RowSink } from './rowSink';
