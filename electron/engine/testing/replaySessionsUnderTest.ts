/**
 * Test-only: what the replay session tests share. Sessions a test opens are stopped and disposed
 * after it; a condition is polled with short sleeps (the deadline only guards against a hang); and
 * the rows a bus holds are read back by a consumer group of their own, as an outside reader would.
 */
import { afterEach } from 'vitest';
import type { TrafficRecord } from '../../../shared/records';
import type { BusMessage } from '../bus/bus';
import type { EmbeddedBus } from '../bus/embeddedBus';
import type { ReplaySession } from '../replay';

/** The list to push each opened session on; emptied (each stopped and disposed) after every test. */
export function useReplaySessions(): ReplaySession[] {
  const sessions: ReplaySession[] = [];
  afterEach(() => {
    for (const session of sessions.splice(0)) {
      session.stop();
      session.dispose();
    }
  });
  return sessions;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

let audits = 0;

/** Every message on `topic`, in the order the bus hands them out. */
export async function producedOn(bus: EmbeddedBus<TrafficRecord>, topic: string): Promise<BusMessage<TrafficRecord>[]> {
  const audit = await bus.consumer({ groupId: `audit-${++audits}`, topic });
  const messages: BusMessage<TrafficRecord>[] = [];
  for (let batch = await audit.poll(5000, 0); batch.length > 0; batch = await audit.poll(5000, 0)) messages.push(...batch);
  await audit.close();
  return messages;
}
