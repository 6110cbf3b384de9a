/** The empty start screen: what the app does and the ways in (a file, the sample, a live Kafka topic). */
import { actions } from '../store/actions';
import { WatchTopicButton } from '../panels/monitor/WatchTopicButton';
import { OpenCsvButton } from './OpenCsvButton';

export function StartScreen(): React.JSX.Element {
  return (
    <main className="start-screen" aria-labelledby="start-title">
      <h1 id="start-title">Traffic Monitor</h1>
      <p>Open a CSV of traffic counts, press Replay and watch the stream: a live feed, a threshold filter you drag, SQL on the live table, forecasts against what arrives, and the junction graph.</p>
      <div className="start-actions">
        <OpenCsvButton className="primary" />
        <button type="button" onClick={() => void actions.openSample()}>
          Try the sample
        </button>
        <WatchTopicButton />
      </div>
      <p className="hint">Runs on the embedded log: no cluster needed. Or watch a topic on your own Kafka cluster.</p>
    </main>
  );
}
