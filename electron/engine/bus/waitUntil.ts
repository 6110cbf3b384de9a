/**
 * How a bus consumer's poll waits: until it has something to hand out, or its time is up. A wake-up
 * is only a reason to look again, never an answer by itself: the embedded bus wakes every waiting
 * poll on any produce (to any topic), and kafkajs hands over batches that bring nothing new (the
 * same offsets fetched again after a seek). Returning empty on such a wake-up would tell a reader
 * that takes an empty poll for "nothing more is coming" to stop early, with messages still on the
 * way; the Kafka contract test lost half a topic that way once in about ten runs.
 */

/** Resolves when `ready()` holds, checked after each `sleep`, or once `waitMs` have passed. */
export async function waitUntil(ready: () => boolean, waitMs: number, sleep: (ms: number) => Promise<void>): Promise<void> {
  const deadline = Date.now() + waitMs;
  while (!ready()) {
    const left = deadline - Date.now();
    if (left <= 0) return;
    await sleep(left);
  }
}
