/**
 * Whether the job the SQL worker runs must stop now: the engine asked (StopFlags) or its deadline
 * passed. Asked from two places: the worker's own row loops, and the live view's check function,
 * which SQLite calls from inside a step; there, throwing is the only way to stop SQLite, because
 * sql.js exports neither sqlite3_interrupt nor sqlite3_progress_handler.
 */
import type { StopFlags, StopKind } from './stopFlags';

export type StopReason = 'user' | 'timeout';

interface RunningJob {
  kind: StopKind;
  id: number;
  deadline: number;
}

export class JobStopper {
  private job: RunningJob | null = null;
  private reason: StopReason | null = null;

  constructor(
    private readonly flags: StopFlags,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** `timeoutMs` Infinity: the job runs until done or stopped by the engine (exports). */
  begin(kind: StopKind, id: number, timeoutMs: number): void {
    this.job = { kind, id, deadline: this.now() + timeoutMs };
    this.reason = null;
  }

  end(): void {
    this.job = null;
  }

  /** Why the current job must stop, or null; once stopped it stays stopped. */
  check(): StopReason | null {
    const job = this.job;
    if (!job || this.reason) return this.reason;
    if (this.flags.isStopped(job.kind, job.id)) this.reason = 'user';
    else if (this.now() > job.deadline) this.reason = 'timeout';
    return this.reason;
  }

  /** The reason the current job stopped (set by check), for telling a stop from an SQL error. */
  get stopped(): StopReason | null {
    return this.reason;
  }
}
