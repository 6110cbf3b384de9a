/**
 * Toolbar buttons that show or hide the side panels and the analysis dock: the browser has no
 * native menu, and a mouse user should not need to know the shortcut the title tells.
 */
import type { MenuAction } from '../../../shared/shell/menuActions';
import { shortcutFor } from '../../../shared/shell/shortcuts';
import { acceleratorLabel, ariaKeyShortcut } from '../shortcuts/accelerator';
import { platform } from '../shortcuts/platform';
import { useLayout } from '../store/layoutStore';

interface ToggleProps {
  label: string;
  action: MenuAction;
  pressed: boolean;
  /** Which edge of the window the panel sits on, drawn in the icon. */
  edge: 'left' | 'bottom';
  onToggle(): void;
}

function PanelIcon({ edge }: { edge: 'left' | 'bottom' }): React.JSX.Element {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" fill="none" stroke="currentColor" />
      {edge === 'left' ? <rect x="2" y="3" width="4.5" height="10" fill="currentColor" /> : <rect x="2" y="9" width="12" height="4" fill="currentColor" />}
    </svg>
  );
}

function PanelToggle({ label, action, pressed, edge, onToggle }: ToggleProps): React.JSX.Element {
  const accelerator = shortcutFor(action)?.accelerator;
  return (
    <button
      type="button"
      className="panel-toggle"
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={accelerator && ariaKeyShortcut(accelerator, platform)}
      title={accelerator ? `${label} (${acceleratorLabel(accelerator, platform)})` : label}
      onClick={onToggle}
    >
      <PanelIcon edge={edge} />
    </button>
  );
}

export function PanelToggles(): React.JSX.Element {
  const sidePanelsVisible = useLayout((s) => s.sidePanelsVisible);
  const dockVisible = useLayout((s) => s.dockVisible);
  const { toggleSidePanels, toggleDock } = useLayout.getState();
  return (
    <div className="panel-toggles" role="group" aria-label="Panels">
      <PanelToggle label="Side panels" action="toggleSidePanels" pressed={sidePanelsVisible} edge="left" onToggle={toggleSidePanels} />
      <PanelToggle label="Analysis dock" action="toggleDock" pressed={dockVisible} edge="bottom" onToggle={toggleDock} />
    </div>
  );
}
