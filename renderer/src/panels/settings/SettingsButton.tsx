/** Opens the Settings dialog; lives in the app header (and on the start screen, so Kafka can be set up before any file). */
import { useState } from 'react';
import { SettingsDialog } from './SettingsDialog';

export function SettingsButton(): React.JSX.Element {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="settings-button" data-testid="settings-button" onClick={() => setOpen(true)}>
        Settings
      </button>
      {open && <SettingsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
