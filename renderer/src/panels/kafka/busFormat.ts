/** Pure helpers for the Kafka panel: the retry countdown, the reconcile line and lag highlighting. */
import type { BusState, BusView, PartitionLag, TopicSummary } from '../../../../shared/kafka/busContract';

export const STATE_LABELS: Record<BusState, string> = {
  embedded: 'embedded',
  connecting: 'connecting',
  connected: 'connected',
  retrying: 'retrying',
  failed: 'failed',
};

/**
 * When the engine last announced "next attempt in N seconds". The engine sends the figure with
 * updates, not every second, so the page counts down from the moment it heard it.
 */
export interface RetryAnchor {
  seconds: number;
  at: number;
}

/**
 * The anchor to count from after an update carrying `retryInSeconds` arrives at `now`. The same
 * figure repeated while its countdown still runs is the same announcement (keep counting); once
 * the countdown has run out the same figure means a new attempt was scheduled (e.g. a capped back-off).
 */
export function nextRetryAnchor(previous: RetryAnchor | null, retryInSeconds: number | null, now: number): RetryAnchor | null {
  if (retryInSeconds === null) return null;
  if (previous && previous.seconds === retryInSeconds && now < previous.at + retryInSeconds * 1000) return previous;
  return { seconds: retryInSeconds, at: now };
}

/** Whole seconds left, never negative; a clock read before the anchor counts as no time passed. */
export function retryRemainingSeconds(anchor: RetryAnchor, now: number): number {
  const elapsed = Math.max(0, now - anchor.at) / 1000;
  return Math.max(0, Math.ceil(anchor.seconds - elapsed));
}

export function formatRetry(remainingSeconds: number): string {
  return remainingSeconds > 0 ? `next attempt in ${remainingSeconds} s` : 'trying again now…';
}

export interface Reconciliation {
  totalLag: number;
  /** What the consumer should have read: produced − lag − removed by retention (replay only; in monitor mode others produce). */
  expected: number;
  /** consumed − expected: 0 when the counters reconcile; positive while read but not yet committed. */
  difference: number;
}

export function reconcile(bus: Pick<BusView, 'produced' | 'consumed' | 'partitions' | 'lostToRetention'>): Reconciliation {
  const totalLag = bus.partitions.reduce((sum, partition) => sum + partition.lag, 0);
  const expected = Math.max(0, bus.produced - totalLag - bus.lostToRetention);
  return { totalLag, expected, difference: bus.consumed - expected };
}

/** Partitions holding the largest lag; none when nothing lags (a zero is not worth a highlight). */
export function maxLagPartitions(partitions: readonly PartitionLag[]): Set<number> {
  const max = partitions.reduce((most, partition) => Math.max(most, partition.lag), 0);
  return new Set(max > 0 ? partitions.filter((partition) => partition.lag === max).map((partition) => partition.partition) : []);
}

/** "p0 0–120 · p1 5–98": a topic's watermarks in one line, for a tooltip. */
export function describeWatermarks(topic: TopicSummary): string {
  return topic.partitions.map((partition) => `p${partition.partition} ${partition.low}–${partition.high}`).join(' · ');
}

/**
 * Topics for the list, by name; Kafka's own (`__consumer_offsets` and the like) are left out
 * because nobody monitors them for traffic rows.
 */
export function listedTopics(topics: readonly TopicSummary[]): { shown: TopicSummary[]; internal: number } {
  const shown = topics.filter((topic) => !topic.name.startsWith('__')).sort((a, b) => a.name.localeCompare(b.name));
  return { shown, internal: topics.length - shown.length };
}
