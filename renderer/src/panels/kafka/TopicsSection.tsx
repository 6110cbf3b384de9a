/**
 * The cluster's topics with partitions and message counts, fetched on request (listing asks the
 * cluster's metadata and watermarks, too heavy to repeat with every view update). Each topic can
 * be watched at once from its earliest message; the dialog offers the other choices.
 */
import { useState } from 'react';
import type { TopicSummary } from '../../../../shared/kafka/busContract';
import { formatCount } from '../../format';
import { monitorActions } from '../monitor/monitorActions';
import { describeWatermarks, listedTopics } from './busFormat';

type Listing = { status: 'idle' } | { status: 'loading' } | { status: 'done'; topics: TopicSummary[] } | { status: 'error'; message: string };

export function TopicsSection({ profileId, monitoredTopic }: { profileId: string | null; monitoredTopic: string | null }): React.JSX.Element {
  const [listing, setListing] = useState<Listing>({ status: 'idle' });
  const [starting, setStarting] = useState<string | null>(null);

  const list = async (): Promise<void> => {
    if (!profileId) return;
    setListing({ status: 'loading' });
    const outcome = await monitorActions.listTopics(profileId);
    setListing(outcome.ok ? { status: 'done', topics: outcome.value } : { status: 'error', message: outcome.message });
  };

  const monitor = async (topic: string): Promise<void> => {
    if (!profileId) return;
    setStarting(topic);
    await monitorActions.startFromPanel({ profileId, topic, startFrom: { kind: 'earliest' }, format: 'auto' });
    setStarting(null);
  };

  const { shown, internal } = listing.status === 'done' ? listedTopics(listing.topics) : { shown: [], internal: 0 };

  return (
    <section className="kafka-topics" aria-labelledby="kafka-topics-title">
      <header className="panel-header">
        <h3 id="kafka-topics-title">Topics</h3>
        <button type="button" onClick={() => void list()} disabled={!profileId || listing.status === 'loading'} data-testid="kafka-list-topics">
          {listing.status === 'loading' ? 'Listing…' : listing.status === 'idle' ? 'List topics' : 'Refresh topics'}
        </button>
      </header>
      {!profileId && <p className="empty">No Kafka profile in use.</p>}
      {listing.status === 'error' && (
        <p role="alert" className="dialog-error" data-testid="kafka-topics-error">
          {listing.message}
        </p>
      )}
      {listing.status === 'done' && shown.length === 0 && (
        <p className="empty" data-testid="kafka-topics-empty">
          The cluster has no topics yet.
        </p>
      )}
      {shown.length > 0 && (
        <div className="partition-scroll">
          <table className="kafka-table" aria-label="Kafka topics">
            <thead>
              <tr>
                <th scope="col">Topic</th>
                <th scope="col" className="num">
                  Partitions
                </th>
                <th scope="col" className="num">
                  Messages
                </th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((topic) => (
                <tr key={topic.name} data-testid="kafka-topic-row" data-topic={topic.name}>
                  <td className="topic-name" data-testid="kafka-topic-name">
                    {topic.name}
                  </td>
                  <td className="num" title={describeWatermarks(topic)} data-testid="kafka-topic-partitions">
                    {topic.partitions.length}
                  </td>
                  <td className="num" data-testid="kafka-topic-messages">
                    {formatCount(topic.messages)}
                  </td>
                  <td>
                    {monitoredTopic === topic.name ? (
                      <span className="muted">watching</span>
                    ) : (
                      <button
                        type="button"
                        aria-label={`Monitor ${topic.name}`}
                        title="Watch this topic from its earliest message; the format is detected"
                        disabled={starting !== null}
                        onClick={() => void monitor(topic.name)}
                      >
                        {starting === topic.name ? 'Starting…' : 'Monitor'}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {internal > 0 && <p className="panel-meta">{internal === 1 ? '1 internal topic' : `${internal} internal topics`} (names starting “__”) not shown.</p>}
    </section>
  );
}
