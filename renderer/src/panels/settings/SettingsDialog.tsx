/**
 * Settings, as a native modal <dialog> (focus trap, Escape and backdrop for free). One tab today,
 * Kafka; the tab list is there so later settings get their own tab rather than a longer page.
 */
import { useEffect, useRef } from 'react';
import { KafkaSettingsTab } from './KafkaSettingsTab';
import './settings.css';

interface Props {
  onClose(): void;
}

export function SettingsDialog({ onClose }: Props): React.JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="settings-dialog" aria-labelledby="settings-title" onCancel={onClose} data-testid="settings-dialog">
      <header className="settings-header">
        <h2 id="settings-title">Settings</h2>
        <div role="tablist" aria-label="Settings sections">
          <button type="button" role="tab" id="settings-tab-kafka" aria-selected="true" aria-controls="settings-panel-kafka">
            Kafka
          </button>
        </div>
      </header>
      <div role="tabpanel" id="settings-panel-kafka" aria-labelledby="settings-tab-kafka">
        <KafkaSettingsTab />
      </div>
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
