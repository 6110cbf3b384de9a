/**
 * The Kafka panel: the bus's health (with a live retry countdown), what the app produces to and
 * consumes from, counters that reconcile, per-partition lag, and the cluster's topics. On the
 * embedded bus it shrinks to one line and the way to a Kafka topic.
 */
import type { BusView } from '../../../../shared/kafka/busContract';
import { formatCount } from '../../format';
import { useView } from '../../store/viewStore';
import { activeProfileId, useMonitor } from '../monitor/monitorActions';
import { WatchTopicButton } from '../monitor/WatchTopicButton';
import { BusStateBadge } from './BusStateBadge';
import { reconcile } from './busFormat';
import { PartitionTable } from './PartitionTable';
import { TopicsSection } from './TopicsSection';

export function KafkaPanel(): React.JSX.Element | null {
  const bus = useView((s) => s.bus);
  // On the embedded bus, the monitored topic's profile is known only from the request.
  const lastRequest = useMonitor((s) => s.lastRequest);
  if (!bus) return null;
  const onKafka = bus.state !== 'embedded' || bus.monitoring;
  return (
    <section className="panel kafka-panel" aria-labelledby="kafka-title" data-testid="kafka-panel">
      <header className="panel-header">
        <h2 id="kafka-title">Kafka</h2>
        <BusStateBadge state={bus.state} />
      </header>
      {onKafka ? (
        <KafkaDetails bus={bus} profileId={activeProfileId(bus.selection, lastRequest)} />
      ) : (
        <div className="kafka-embedded">
          <p className="muted" data-testid="kafka-embedded">
            Embedded bus — switch to Kafka in Settings.
          </p>
          <WatchTopicButton />
        </div>
      )}
    </section>
  );
}

function KafkaDetails({ bus, profileId }: { bus: BusView; profileId: string | null }): React.JSX.Element {
  const { totalLag, expected, difference } = reconcile(bus);
  const trouble = bus.state === 'failed' || bus.state === 'retrying';
  return (
    <>
      {bus.monitoring && (
        <p className="kafka-monitoring" data-testid="kafka-monitoring">
          Monitoring <strong>{bus.topic}</strong>
        </p>
      )}
      {bus.message && (
        <p className={trouble ? 'kafka-message trouble' : 'kafka-message'} role="status" data-testid="kafka-message">
          {bus.message}
        </p>
      )}
      <dl className="kafka-facts">
        <dt>Profile</dt>
        <dd data-testid="kafka-profile">{bus.profileName ?? '–'}</dd>
        <dt>Topic</dt>
        <dd data-testid="kafka-topic">{bus.topic}</dd>
        <dt>Consumer group</dt>
        <dd data-testid="kafka-group">{bus.groupId}</dd>
        {!bus.monitoring && (
          <>
            <dt>Producer</dt>
            <dd data-testid="kafka-producer-mode">{bus.producerMode ?? '–'}</dd>
          </>
        )}
      </dl>
      <dl className="kafka-counters" aria-label="Kafka counters">
        <div>
          <dt>Produced</dt>
          <dd data-testid="kafka-produced">{formatCount(bus.produced)}</dd>
        </div>
        <div>
          <dt>Consumed</dt>
          <dd data-testid="kafka-consumed">{formatCount(bus.consumed)}</dd>
        </div>
        <div>
          <dt>Duplicates</dt>
          <dd data-testid="kafka-duplicates">{formatCount(bus.duplicates)}</dd>
        </div>
        {bus.lostToRetention > 0 && (
          <div className="trouble" title="Messages the topic's retention removed before the app read them: their offsets were skipped.">
            <dt>Removed by retention</dt>
            <dd data-testid="kafka-lost-to-retention">{formatCount(bus.lostToRetention)}</dd>
          </div>
        )}
        <div>
          <dt>Malformed</dt>
          <dd data-testid="kafka-malformed">{formatCount(bus.malformed)}</dd>
        </div>
        <div>
          <dt>Produce retries</dt>
          <dd data-testid="kafka-produce-retries">{formatCount(bus.produceRetries)}</dd>
        </div>
      </dl>
      <p className="panel-meta kafka-reconcile" data-testid="kafka-reconcile">
        {bus.monitoring ? (
          <>Others produce to this topic; lag {formatCount(totalLag)} is what is written but not yet read.</>
        ) : (
          <>
            produced {formatCount(bus.produced)} − lag {formatCount(totalLag)}
            {bus.lostToRetention > 0 ? ` − removed by retention ${formatCount(bus.lostToRetention)}` : ''} = {formatCount(expected)}
            {difference === 0 ? ' = consumed: reconciles.' : `; consumed ${formatCount(bus.consumed)} (${difference > 0 ? `${formatCount(difference)} read, not yet committed` : `${formatCount(-difference)} behind`}).`}
          </>
        )}{' '}
        Duplicates (at-least-once delivery after a retry) are counted, not hidden
        {bus.malformed > 0 ? '; malformed messages are listed under Rejected rows by partition and offset.' : '.'}
      </p>
      <PartitionTable partitions={bus.partitions} maxLag={bus.maxLag} />
      <TopicsSection profileId={profileId} monitoredTopic={bus.monitoring ? bus.topic : null} />
      <WatchTopicButton initial={profileId ? { profileId } : undefined} />
    </>
  );
}
