/** The app shell: start screen until a file is open, then the toolbar and resizable panels. */
import { useEffect } from 'react';
import { Panel, PanelGroup, PanelResizeHandle } from 'react-resizable-panels';
import type { MenuAction } from '../../shared/contract';
import { AnalysisDock } from './panels/dock/AnalysisDock';
import { LiveFeedPanel } from './panels/feed/LiveFeedPanel';
import { KafkaPanel } from './panels/kafka/KafkaPanel';
import { MonitorStatus } from './panels/monitor/MonitorStatus';
import { RejectedPanel } from './panels/rejected/RejectedPanel';
import { ReplayControls } from './panels/replay/ReplayControls';
import { SchemaPanel } from './panels/schema/SchemaPanel';
import { SettingsButton } from './panels/settings/SettingsButton';
import { OpenCsvButton } from './panels/start/OpenCsvButton';
import { StartScreen } from './panels/start/StartScreen';
import { ThresholdPanel } from './panels/threshold/ThresholdPanel';
import { actions } from './store/actions';
import { useSession } from './store/sessionStore';
import { onEvent, transport } from './transport/engineClient';

const MENU_HANDLERS: Record<MenuAction, () => unknown> = {
  open: actions.openDialog,
  openSample: actions.openSample,
  replay: actions.replay,
  pauseResume: actions.pauseOrResume,
  stop: actions.stop,
};

function useEngineConnection(): void {
  useEffect(() => {
    const offUpdate = onEvent('view:update', (update) => useSession.getState().applyUpdate(update));
    const offMenu = onEvent('menu:action', ({ action }) => void MENU_HANDLERS[action]());
    const offConnection = transport.onConnection((connected) => {
      useSession.getState().setConnected(connected);
      if (connected) void actions.refreshSnapshot();
    });
    return () => {
      offUpdate();
      offMenu();
      offConnection();
    };
  }, []);
}

function ErrorBanner(): React.JSX.Element | null {
  const error = useSession((s) => s.error);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <span>{error}</span>
      <button type="button" aria-label="Dismiss error" onClick={() => useSession.getState().setError(null)}>
        ×
      </button>
    </div>
  );
}

function ConnectionNotice(): React.JSX.Element | null {
  const connected = useSession((s) => s.connected);
  return connected ? null : (
    <div className="connection-notice" role="status">
      Connecting to the engine…
    </div>
  );
}

export function App(): React.JSX.Element {
  useEngineConnection();
  const file = useSession((s) => s.file);
  return (
    <div className="app">
      <ConnectionNotice />
      <ErrorBanner />
      {file === null ? (
        <>
          <div className="start-corner">
            <SettingsButton />
          </div>
          <StartScreen />
        </>
      ) : (
        <>
          <header className="toolbar">
            <span className="app-name">Traffic Monitor</span>
            <span className="file-name" title={file.path} data-testid="file-name">
              {file.name}
            </span>
            <MonitorStatus />
            <OpenCsvButton />
            <ReplayControls />
            <SettingsButton />
          </header>
          <PanelGroup direction="horizontal" className="workspace" autoSaveId="traffic-monitor.layout">
            <Panel defaultSize={30} minSize={18} className="side-column">
              <ThresholdPanel />
              <KafkaPanel />
              <SchemaPanel />
              <RejectedPanel />
            </Panel>
            <PanelResizeHandle className="resize-handle" aria-label="Resize panels" />
            <Panel defaultSize={70} minSize={30}>
              <PanelGroup direction="vertical" autoSaveId="traffic-monitor.main-column">
                <Panel defaultSize={55} minSize={15}>
                  <LiveFeedPanel />
                </Panel>
                <PanelResizeHandle className="resize-handle" aria-label="Resize feed and dock" />
                <Panel defaultSize={45} minSize={15}>
                  <AnalysisDock />
                </Panel>
              </PanelGroup>
            </Panel>
          </PanelGroup>
        </>
      )}
    </div>
  );
}
