/** In the toolbar while a topic is watched: which one, and the way out (`monitor:stop`). */
import { useState } from 'react';
import { useView } from '../../store/viewStore';
import { monitorActions, useMonitor } from './monitorActions';

export function MonitorStatus(): React.JSX.Element | null {
  const monitoring = useView((s) => s.bus?.monitoring ?? false);
  const busTopic = useView((s) => s.bus?.topic ?? '');
  const requested = useMonitor((s) => s.lastRequest?.topic ?? '');
  const [stopping, setStopping] = useState(false);
  if (!monitoring) return null;
  const topic = busTopic || requested;
  const stop = async (): Promise<void> => {
    setStopping(true);
    await monitorActions.stop();
    setStopping(false);
  };
  return (
    <span className="monitor-status">
      <span className="live-dot" aria-hidden="true" />
      <span role="status" data-testid="monitor-status">
        Monitoring <strong data-testid="monitor-topic" title={topic}>
          {topic}
        </strong>
      </span>
      <button type="button" data-testid="monitor-stop" onClick={() => void stop()} disabled={stopping}>
        Stop monitoring
      </button>
    </span>
  );
}
