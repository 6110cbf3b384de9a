/**
 * Everything the host sends one browser goes through here, so no client can make the host hold
 * more for it than a bounded amount: view updates are skipped while the client is behind (the next
 * one carries the state), replies are never skipped, so a client that lets them pile up past the
 * limit is disconnected with a reason, and a client with many requests in flight is not read from
 * until the engine has answered some (it is slowed to the engine's pace instead of queueing work).
 */
import type { WebSocket } from 'ws';

export interface LinkLimits {
  /** Unsent bytes one client may have waiting in its socket. */
  maxBufferedBytes: number;
  /** Requests one client may have with the engine before the host stops reading its socket. */
  maxInFlight: number;
}

export const CLOSE_POLICY_VIOLATION = 1008;
/**
 * The close frame queues behind what the client has not read; it gets as long as ws gives any close
 * handshake, and is then cut off. Until then its buffer stays at the limit, no higher.
 */
const CLOSE_GRACE_MS = 30_000;

export class ClientLink {
  private inFlight = 0;
  private paused = false;

  constructor(
    readonly socket: WebSocket,
    private readonly limits: LinkLimits,
  ) {}

  get bufferedBytes(): number {
    return this.socket.bufferedAmount;
  }

  private get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  /** A view update: skipped while this client is behind; false when it was skipped. */
  offer(text: string): boolean {
    if (!this.open || this.socket.bufferedAmount + text.length > this.limits.maxBufferedBytes) return false;
    this.socket.send(text);
    return true;
  }

  /**
   * A reply. One that would take the client past the limit ends the link instead; a client that
   * has read everything still gets a single reply larger than the limit (the engine bounds those).
   */
  deliver(text: string): void {
    if (!this.open) return;
    const waiting = this.socket.bufferedAmount;
    if (waiting > 0 && waiting + text.length > this.limits.maxBufferedBytes) {
      const megabytes = Math.round(this.limits.maxBufferedBytes / (1024 * 1024));
      this.disconnect(`fell too far behind: over ${megabytes} MB of replies unread`);
      return;
    }
    this.socket.send(text);
  }

  disconnect(reason: string): void {
    console.warn(`Disconnected a WebSocket client: ${reason}`);
    this.socket.close(CLOSE_POLICY_VIOLATION, reason);
    setTimeout(() => this.socket.terminate(), CLOSE_GRACE_MS).unref();
  }

  requestStarted(): void {
    this.inFlight++;
    if (this.inFlight >= this.limits.maxInFlight && !this.paused) {
      this.paused = true;
      this.socket.pause();
    }
  }

  requestEnded(): void {
    this.inFlight--;
    if (this.paused && this.inFlight < this.limits.maxInFlight) {
      this.paused = false;
      this.socket.resume();
    }
  }
}
