/**
 * Producing that does not give up: a batch is sent again, with back-off, until it is stored or the
 * replay is stopped. A retry after a failure the broker may have half-done can deliver rows twice;
 * the stages count those (see ReplayRunTag).
 */
import type { TrafficRecord } from '../../../shared/records';
import type { ProducerRecord } from '../bus';
import { describeKafkaError } from '../bus';
import type { BusBinding } from './busBinding';
import type { WakeableDelay } from './wakeableDelay';
import { handledElsewhere } from '../supervision';

/** The back-off between attempts starts here and doubles up to MAX_RETRY_MS. */
export const FIRST_RETRY_MS = 1000;
export const MAX_RETRY_MS = 30_000;
/**
 * A batch normally is acknowledged in milliseconds. One not acknowledged in this long is treated as
 * failed and sent again (a broker that stopped answering would otherwise hold the replay for the
 * client's whole retry schedule, minutes); should the first send land after all, the stages count
 * the second copy as a duplicate.
 */
export const PRODUCE_ACK_TIMEOUT_MS = 10_000;

/** Rejects after `ms` with `reason`; the original promise may still settle later and is then ignored. */
export function withTimeout<T>(promise: Promise<T>, ms: number, reason: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${reason} within ${ms / 1000} s`)), ms);
  });
  promise.catch(handledElsewhere);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class ReliableProducer {
  /** Sends that failed and were tried again, this replay. */
  retries = 0;

  constructor(
    private readonly binding: BusBinding,
    /** The replay's delay, so a stop or pause cuts a back-off short. */
    private readonly delay: WakeableDelay,
    /** Whether run `run` is still the replay's current one. */
    private readonly isCurrent: (run: number) => boolean,
    /** Sets the message the page shows: why producing waits, or null once it works again. */
    private readonly show: (message: string | null) => void,
    private readonly changed: () => void,
  ) {}

  /** Sends `batch` for run `run`; true once it is stored, false when the replay stopped first. */
  async send(batch: readonly ProducerRecord<TrafficRecord>[], run: number, signal: AbortSignal): Promise<boolean> {
    let retryMs = FIRST_RETRY_MS;
    let troubled = false;
    for (;;) {
      try {
        await withTimeout(this.binding.bus.produce(this.binding.topic, batch), PRODUCE_ACK_TIMEOUT_MS, 'no acknowledgement from the cluster');
        if (troubled) {
          this.show(null);
          this.binding.onProduceRecovered();
          this.changed();
        }
        return true;
      } catch (error) {
        if (signal.aborted || !this.isCurrent(run)) return false;
        troubled = true;
        this.retries++;
        this.show(`Producing paused: ${describeKafkaError(error)}. Retrying in ${Math.round(retryMs / 1000)} s; no row is skipped.`);
        this.binding.onProduceTrouble(error, retryMs);
        this.changed();
        await this.delay.wait(retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      }
    }
  }
}
