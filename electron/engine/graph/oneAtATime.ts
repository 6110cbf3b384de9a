/**
 * Runs one piece of background work at a time, for work whose answer matters only for the newest
 * state (analytics of the current topology, the route under the current congestion). A request
 * that comes while a run is under way is not queued but remembered: when the run ends the work
 * starts once more, from the state as it is then. A burst of requests therefore costs at most one
 * extra run, and the last answer is never older than the last request.
 */
export interface OneAtATimeOptions {
  /**
   * Starts a run from the current state, or returns null when there is nothing to run. The promise
   * must not reject: a run records its own failure, as it records its answer.
   */
  start: () => Promise<void> | null;
  /** Called after each run ends, once the run it may lead to has started: the owner's state changed. */
  ended: () => void;
  /** Whether a run asked for meanwhile may still start when the current one ends (always, unless given). */
  mayRunAgain?: () => boolean;
}

export class OneAtATime {
  private running = false;
  private again = false;

  constructor(private readonly options: OneAtATimeOptions) {}

  get isRunning(): boolean {
    return this.running;
  }

  request(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    const run = this.options.start();
    if (run === null) return;
    this.running = true;
    void run.finally(() => {
      this.running = false;
      if (this.again) {
        this.again = false;
        if (this.options.mayRunAgain?.() ?? true) this.request();
      }
      this.options.ended();
    });
  }
}
