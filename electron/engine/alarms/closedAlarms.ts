/**
 * The cleared alarms kept for the view: the most recent `cap`, in a ring so adding one is O(1)
 * however long the stream, with a count of those let go.
 */
import type { Alarm } from '../../../shared/alarms/alarmContract';

export class ClosedAlarms {
  private readonly ring: (Alarm | undefined)[];
  private next = 0;
  private held = 0;
  dropped = 0;

  constructor(readonly cap: number) {
    if (!(Number.isInteger(cap) && cap > 0)) throw new RangeError(`The cap must be a positive integer, not ${cap}`);
    this.ring = new Array<Alarm | undefined>(cap);
  }

  add(alarm: Alarm): void {
    if (this.held === this.cap) this.dropped++;
    else this.held++;
    this.ring[this.next] = alarm;
    this.next = (this.next + 1) % this.cap;
  }

  /** Oldest first. */
  list(): Alarm[] {
    const out: Alarm[] = [];
    const first = (this.next - this.held + this.cap) % this.cap;
    for (let k = 0; k < this.held; k++) out.push(this.ring[(first + k) % this.cap] as Alarm);
    return out;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.held = 0;
    this.dropped = 0;
  }
}
