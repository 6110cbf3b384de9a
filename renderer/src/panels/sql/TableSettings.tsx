/**
 * The live table's retention (newest rows and/or minutes kept) and the query timeout, in a
 * small popover. The form starts from the engine's settings each time it opens.
 */
import { useState } from 'react';
import type { SqlSettings } from '../../../../shared/sql/sqlContract';
import { fromForm, toForm, type SettingsForm } from './settingsForm';
import { sqlActions } from './sqlActions';

function SettingsFields({ settings, onDone }: { settings: SqlSettings; onDone(): void }): React.JSX.Element {
  const [form, setForm] = useState<SettingsForm>(() => toForm(settings));
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const update = (change: Partial<SettingsForm>): void => setForm((current) => ({ ...current, ...change }));

  const apply = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    const parsed = fromForm(form);
    if (!parsed.ok) {
      setMessage(parsed.message);
      return;
    }
    setSaving(true);
    const failure = await sqlActions.configure(parsed.settings);
    setSaving(false);
    setMessage(failure);
    if (failure === null) onDone();
  };

  return (
    <form className="popover sql-settings-popover" onSubmit={(event) => void apply(event)}>
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
      {message && (
        <p className="dialog-error" role="alert">
          {message}
        </p>
      )}
      <button type="submit" className="primary" disabled={saving}>
        Apply
      </button>
    </form>
  );
}

export function TableSettings({ settings }: { settings: SqlSettings }): React.JSX.Element {
  const [open, setOpen] = useState(false);
  return (
    <details className="sql-settings" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary aria-label="Live table settings" title="Retention and query timeout">
        Table settings
      </summary>
      {/* Mounted only while open, so it always starts from the engine's current settings. */}
      {open && <SettingsFields settings={settings} onDone={() => setOpen(false)} />}
    </details>
  );
}
