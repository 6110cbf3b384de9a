/**
 * The live table's retention (newest rows and/or minutes kept) and the query timeout, in a
 * small popover. The form starts from the engine's settings each time it opens.
 */
import { useState } from 'react';
import type { SqlSettings } from '../../../../shared/sql/sqlContract';
import { PopoverForm, SettingsPopover, type FormParse } from '../../widgets/SettingsPopover';
import { fromForm, toForm, type SettingsForm } from './settingsForm';
import { sqlActions } from './sqlActions';

function SettingsFields({ settings, onDone }: { settings: SqlSettings; onDone(): void }): React.JSX.Element {
  const [form, setForm] = useState<SettingsForm>(() => toForm(settings));
  const update = (change: Partial<SettingsForm>): void => setForm((current) => ({ ...current, ...change }));
  const parse = (): FormParse<SqlSettings> => {
    const parsed = fromForm(form);
    return parsed.ok ? { ok: true, value: parsed.settings } : parsed;
  };

  return (
    <PopoverForm className="sql-settings-popover" parse={parse} apply={(value) => sqlActions.configure(value)} onDone={onDone}>
      <label>
        <input type="checkbox" checked={form.maxRowsOn} onChange={(event) => update({ maxRowsOn: event.target.checked })} />
        Keep at most
        <input
          type="number"
          min={1}
          step={1}
          aria-label="Max rows kept"
          disabled={!form.maxRowsOn}
          value={form.maxRows}
          onChange={(event) => update({ maxRows: event.target.value })}
        />
        newest rows
      </label>
      <label>
        <input type="checkbox" checked={form.maxMinutesOn} onChange={(event) => update({ maxMinutesOn: event.target.checked })} />
        Keep the last
        <input
          type="number"
          min={0}
          step="any"
          aria-label="Max minutes kept"
          disabled={!form.maxMinutesOn}
          value={form.maxMinutes}
          onChange={(event) => update({ maxMinutes: event.target.value })}
        />
        minutes of event time
      </label>
      <label>
        Stop a query after
        <input type="number" min={0} step="any" aria-label="Query timeout seconds" value={form.timeoutSeconds} onChange={(event) => update({ timeoutSeconds: event.target.value })} />
        seconds
      </label>
    </PopoverForm>
  );
}

export function TableSettings({ settings }: { settings: SqlSettings }): React.JSX.Element {
  return (
    <SettingsPopover className="sql-settings" summary="Table settings" summaryLabel="Live table settings" title="Retention and query timeout">
      {(close) => <SettingsFields settings={settings} onDone={close} />}
    </SettingsPopover>
  );
}
