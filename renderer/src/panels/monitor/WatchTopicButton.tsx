/**
 * "Watch a Kafka topic…": opens the monitor dialog. With no profile yet the dialog hands over to
 * Settings, and comes back once Settings closes so the new profile can be used at once.
 */
import { useState } from 'react';
import { SettingsDialog } from '../settings/SettingsDialog';
import { MonitorDialog } from './MonitorDialog';
import type { MonitorForm } from './monitorForm';

type Open = 'none' | 'monitor' | 'settings';

export function WatchTopicButton({ className, initial }: { className?: string; initial?: Partial<MonitorForm> }): React.JSX.Element {
  const [open, setOpen] = useState<Open>('none');
  return (
    <>
      <button type="button" className={className} data-testid="watch-topic-button" onClick={() => setOpen('monitor')}>
        Watch a Kafka topic…
      </button>
      {open === 'monitor' && <MonitorDialog initial={initial} onClose={() => setOpen('none')} onOpenSettings={() => setOpen('settings')} />}
      {open === 'settings' && <SettingsDialog onClose={() => setOpen('monitor')} />}
    </>
  );
}
