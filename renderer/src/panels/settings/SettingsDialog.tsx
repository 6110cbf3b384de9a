/**
 * Settings, as a native modal <dialog> (focus trap, Escape and backdrop for free), one tab per
 * subject. Every tab stays mounted (the others hidden), so a half-edited Kafka profile survives a
 * look at another tab.
 */
import { useState } from 'react';
import { TabList, tabPanelIds } from '../../widgets/TabList';
import { AppearanceSettingsTab } from './AppearanceSettingsTab';
import { KafkaSettingsTab } from './KafkaSettingsTab';
import './settings.css';
import { useModalDialog } from '../../widgets/useModalDialog';

interface Props {
  onClose(): void;
}

const TABS = [
  { id: 'kafka', title: 'Kafka', render: () => <KafkaSettingsTab /> },
  { id: 'appearance', title: 'Appearance', render: () => <AppearanceSettingsTab /> },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function SettingsDialog({ onClose }: Props): React.JSX.Element {
  const dialog = useModalDialog();
  const [selected, setSelected] = useState<TabId>('kafka');

  return (
    <dialog ref={dialog} className="settings-dialog" aria-labelledby="settings-title" onCancel={onClose} data-testid="settings-dialog">
      <header className="settings-header">
        <h2 id="settings-title">Settings</h2>
        <TabList label="Settings sections" tabs={TABS} selected={selected} onSelect={(id) => setSelected(id as TabId)} idPrefix="settings" />
      </header>
      {TABS.map((tab) => (
        <div key={tab.id} role="tabpanel" {...tabPanelIds('settings', tab.id)} hidden={tab.id !== selected}>
          {tab.render()}
        </div>
      ))}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
