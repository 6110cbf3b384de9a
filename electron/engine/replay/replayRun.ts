/**
 * What a replay session shares with its producer and consumer: the file, the bus, the stages, the
 * state and message the page shows, and which run is current. The session alone moves the state
 * between runs; the halves read it and report into it.
 */
import type { ReplayLimits, ReplayState } from '../../../shared/contract';
import type { PipelineStages } from '../stages';
import { ActiveTimer } from './activeTimer';
import type { BusBinding } from './busBinding';
import type { OpenedFile } from '../source';
import { DEFAULT_LIMITS } from './replayLimits';
import { ReplayRunTag } from './replayRunTag';
import { WakeableDelay } from './wakeableDelay';

export class ReplayRun {
  state: ReplayState = 'idle';
  /** The line the page shows under the progress: waiting for the bus, a limit reached, a failure. */
  message: string | null = null;
  limits: ReplayLimits = DEFAULT_LIMITS;
  /** Counts runs: a loop of an ended run sees the number moved on and stops. */
  number = 0;
  /** Cut short by a stop, pause or new pace, so no loop sleeps through one. */
  readonly delay = new WakeableDelay();
  /** Time spent running (pauses excluded), which a time limit counts. */
  readonly active = new ActiveTimer();
  /** This replay's tag on the rows it produces and the sorting of what comes back (tagged buses only). */
  readonly tags = new ReplayRunTag();

  constructor(
    readonly file: OpenedFile,
    readonly binding: BusBinding,
    readonly stages: PipelineStages,
    /** Tells the engine the view changed. */
    readonly changed: () => void,
  ) {}

  isCurrent(run: number): boolean {
    return run === this.number;
  }

  get isActive(): boolean {
    return this.state === 'running' || this.state === 'paused';
  }
}
