/** The empty start screen: what the app does and the two ways in. */
import { actions } from '../../store/actions';
import { OpenCsvButton } from './OpenCsvButton';

export function StartScreen(): React.JSX.Element {
  return (
    <main className="start-screen" aria-labelledby="start-title">
      <h1 id="start-title">Traffic Monitor</h1>
      <p>Open a CSV of traffic counts, press Replay and watch the stream: a live feed and a threshold filter you drag.</p>
      <div className="start-actions">
        <OpenCsvButton className="primary" />
        <button type="button" onClick={() => void actions.openSample()}>
          Try the sample
        </button>
      </div>
      <p className="hint">Runs on the embedded log: no cluster needed.</p>
    </main>
  );
}
