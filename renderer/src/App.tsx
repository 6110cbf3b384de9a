/** The app shell: start screen until a file is open, then the toolbar and resizable panels. */
import { useEffect, useState } from 'react';
import { usePopovers } from './popover/usePopovers';
import type { MenuAction } from '../../shared/contract';
import type { Theme } from '../../shared/shell/theme';
import { MonitorStatus } from './panels/monitor/MonitorStatus';
import { ReplayControls } from './panels/replay/ReplayControls';
import { SettingsButton } from './panels/settings/SettingsButton';
import { chooseCsvFile } from './startScreen/csvChooser';
import { OpenCsvButton } from './startScreen/OpenCsvButton';
import { StartScreen } from './startScreen/StartScreen';
import { PanelToggles } from './layout/PanelToggles';
import { Workspace } from './layout/Workspace';
import { useKeyboardShortcuts } from './shortcuts/useKeyboardShortcuts';
import { actions } from './store/actions';
import { useAppearance } from './store/appearanceStore';
import { useLayout } from './store/layoutStore';
import { useView } from './store/viewStore';
import { isDesktop, onEvent, secretAccepted, transport } from './transport/engineClient';

const chooseTheme = (theme: Theme) => (): void => useAppearance.getState().setTheme(theme);

/** What the desktop menu and the keyboard shortcuts do: one table, so the two never differ. */
const MENU_HANDLERS: Readonly<Record<MenuAction, () => unknown>> = {
  open: chooseCsvFile,
  openSample: actions.openSample,
  replayOrPause: actions.replayOrPause,
  stop: actions.stop,
  toggleSidePanels: () => useLayout.getState().toggleSidePanels(),
  toggleDock: () => useLayout.getState().toggleDock(),
  themeSystem: chooseTheme('system'),
  themeLight: chooseTheme('light'),
  themeDark: chooseTheme('dark'),
};

function useEngineConnection(): void {
  useEffect(() => {
    const offUpdate = onEvent('view:update', (update) => useView.getState().applyUpdate(update));
    const offMenu = onEvent('menu:action', ({ action }) => void MENU_HANDLERS[action]());
    // The engine's thread died: say what was lost, and show what the new engine has.
    const offRestart = onEvent('engine:restarted', ({ message }) => {
      useView.getState().setError(message);
      void actions.refreshSnapshot();
    });
    const offConnection = transport.onConnection((connected) => {
      useView.getState().setConnected(connected);
      if (connected) void actions.refreshSnapshot();
    });
    return () => {
      offUpdate();
      offMenu();
      offRestart();
      offConnection();
    };
  }, []);
}

function ErrorBanner(): React.JSX.Element | null {
  const error = useView((s) => s.error);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <span>{error}</span>
      <button type="button" aria-label="Dismiss error" onClick={() => useView.getState().setError(null)}>
        ×
      </button>
    </div>
  );
}

/** How long the page tries to connect before asking the host whether its secret is the wrong one. */
const SECRET_CHECK_MS = 1500;

function ConnectionNotice(): React.JSX.Element | null {
  const connected = useView((s) => s.connected);
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    if (connected || isDesktop) return;
    // A browser cannot read why a socket was refused; the host says whether the secret is the problem.
    const timer = setTimeout(() => void secretAccepted().then((accepted) => setRefused(!accepted)), SECRET_CHECK_MS);
    return () => clearTimeout(timer);
  }, [connected]);
  if (connected) return null;
  return (
    <div className="connection-notice" role="status">
      {refused
        ? 'Open Traffic Monitor with the address it printed when it started (the one with ?token=): this page was not given it, or it is from an earlier start.'
        : 'Connecting to the engine…'}
    </div>
  );
}

export function App(): React.JSX.Element {
  useEngineConnection();
  useKeyboardShortcuts(MENU_HANDLERS);
  usePopovers();
  const file = useView((s) => s.file);
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
            <ReplayControls
              lead={
                <>
                  <span className="app-name">Traffic Monitor</span>
                  <span className="file-name" title={file.name} data-testid="file-name">
                    {file.name}
                  </span>
                  <MonitorStatus />
                  <OpenCsvButton />
                </>
              }
              trail={
                <>
                  <PanelToggles />
                  <SettingsButton />
                </>
              }
            />
          </header>
          <Workspace />
        </>
      )}
    </div>
  );
}
