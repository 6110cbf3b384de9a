/**
 * Declared windows (CREATE WINDOW): each one's kind, size, hop, lateness, emit mode, rows emitted
 * and late rows (listed in a popover), with Drop, and a "New window…" form that writes the same
 * statement the console takes. A window's table is queried like any other: SELECT … FROM its name.
 */
import { useRef, useState } from 'react';
import { SQL_MAX_WINDOWS, type SqlWindowView } from '../../../../shared/sql/sqlContract';
import { useView } from '../../store/viewStore';
import { formatCount } from '../../format';
import { sqlActions } from './sqlActions';
import { durationText, FORM_UNITS, NEW_WINDOW_FORM, windowStatementOf, type FormUnit, type WindowForm } from './windowForm';

const NO_WINDOWS: SqlWindowView[] = [];

function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('.000Z', '');
}

function LateRows({ window }: { window: SqlWindowView }): React.JSX.Element {
  if (window.lateCount === 0) return <span data-testid="window-late">0</span>;
  return (
    <details className="sql-window-late">
      <summary data-testid="window-late" title="Rows that came after their window was emitted: counted, not added">
        {formatCount(window.lateCount)}
      </summary>
      <div className="popover sql-window-late-list" role="dialog" aria-label={`Late rows of ${window.spec.name}`}>
        <p className="hint">
          The newest {formatCount(window.late.length)} late rows{window.lateDropped > 0 ? ` (${formatCount(window.lateDropped)} older ones counted only)` : ''}.
        </p>
        <table>
          <thead>
            <tr>
              <th>Time</th>
              <th>Location</th>
              <th>Line</th>
              <th>Behind</th>
            </tr>
          </thead>
          <tbody>
            {[...window.late].reverse().map((row, index) => (
              <tr key={index}>
                <td>{isoTime(row.time)}</td>
                <td>{row.location}</td>
                <td>{row.line > 0 ? formatCount(row.line) : '–'}</td>
                <td>{durationText(Math.round(row.behindWatermarkMs / 1000) * 1000)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function UnitSelect({ label, value, onChange }: { label: string; value: FormUnit; onChange(unit: FormUnit): void }): React.JSX.Element {
  return (
    <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value as FormUnit)}>
      {FORM_UNITS.map((unit) => (
        <option key={unit} value={unit}>
          {unit.toLowerCase()}
        </option>
      ))}
    </select>
  );
}

function NewWindowForm({ onDone }: { onDone(): void }): React.JSX.Element {
  const [form, setForm] = useState<WindowForm>(NEW_WINDOW_FORM);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const update = (change: Partial<WindowForm>): void => setForm((current) => ({ ...current, ...change }));
  const statement = windowStatementOf(form);

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    if (!statement.ok) {
      setError(statement.message);
      return;
    }
    setSaving(true);
    const failure = await sqlActions.window(statement.sql);
    setSaving(false);
    setError(failure);
    if (failure === null) onDone();
  };

  return (
    <form
      className="sql-window-form"
      aria-label="New window"
      noValidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        // Escape closes it, as it closes every popover; the form is one too, only laid out inline.
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        onDone();
      }}
    >
      <label>
        {/* The button that opened the form is gone: focus moves here, not to the top of the page. */}
        Name <input aria-label="Window name" autoFocus value={form.name} onChange={(event) => update({ name: event.target.value })} />
      </label>
      <select aria-label="Window kind" value={form.kind} onChange={(event) => update({ kind: event.target.value as WindowForm['kind'] })}>
        <option value="tumble">Tumbling</option>
        <option value="hop">Hopping</option>
      </select>
      <label>
        Size <input type="number" min={1} step={1} aria-label="Window size" value={form.size} onChange={(event) => update({ size: event.target.value })} />
      </label>
      <UnitSelect label="Window size unit" value={form.sizeUnit} onChange={(sizeUnit) => update({ sizeUnit })} />
      {form.kind === 'hop' && (
        <>
          <label>
            every <input type="number" min={1} step={1} aria-label="Hop" value={form.hop} onChange={(event) => update({ hop: event.target.value })} />
          </label>
          <UnitSelect label="Hop unit" value={form.hopUnit} onChange={(hopUnit) => update({ hopUnit })} />
        </>
      )}
      <label>
        Lateness <input type="number" min={0} step={1} aria-label="Lateness" value={form.lateness} onChange={(event) => update({ lateness: event.target.value })} />
      </label>
      <UnitSelect label="Lateness unit" value={form.latenessUnit} onChange={(latenessUnit) => update({ latenessUnit })} />
      <select aria-label="Emit" value={form.emit} onChange={(event) => update({ emit: event.target.value as WindowForm['emit'] })}>
        <option value="final">Emit final</option>
        <option value="changes">Emit changes</option>
      </select>
      <button type="submit" className="primary" disabled={saving}>
        Create
      </button>
      <button type="button" onClick={onDone}>
        Close
      </button>
      {statement.ok && <code className="sql-window-statement">{statement.sql}</code>}
      {error && (
        <p className="dialog-error" role="alert" data-testid="window-form-error">
          {error}
        </p>
      )}
    </form>
  );
}

export function WindowsSection(): React.JSX.Element {
  const windows = useView((s) => s.sqlTable?.windows ?? NO_WINDOWS);
  const [adding, setAdding] = useState(false);
  const [dropError, setDropError] = useState<string | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  // The form (and a dropped window's row with its Drop button) leaves the page when done: focus goes
  // back to "New window…", where a keyboard user started, once it is rendered again.
  const returnFocus = useRef(false);
  const focusNewButton = (button: HTMLButtonElement | null): void => {
    newButton.current = button;
    if (button && returnFocus.current) {
      returnFocus.current = false;
      button.focus();
    }
  };
  const closeForm = (): void => {
    returnFocus.current = true;
    setAdding(false);
  };
  const drop = async (name: string): Promise<void> => {
    const failure = await sqlActions.window(`DROP WINDOW ${name}`);
    setDropError(failure);
    if (failure === null) newButton.current?.focus();
  };

  return (
    <section className="sql-windows" aria-label="Windows">
      <div className="sql-windows-head">
        <span title="Windowed aggregates kept as tables: CREATE WINDOW name AS TUMBLE 15 MINUTES">
          Windows {windows.length}/{SQL_MAX_WINDOWS}
        </span>
        {!adding && (
          <button type="button" ref={focusNewButton} onClick={() => setAdding(true)} disabled={windows.length >= SQL_MAX_WINDOWS} title={windows.length >= SQL_MAX_WINDOWS ? `At most ${SQL_MAX_WINDOWS} windows; drop one first` : undefined}>
            New window…
          </button>
        )}
      </div>
      {adding && <NewWindowForm onDone={closeForm} />}
      {dropError && (
        <p className="dialog-error" role="alert">
          {dropError}
        </p>
      )}
      {windows.length > 0 && (
        <table className="sql-windows-list" aria-label="Declared windows">
          <thead>
            <tr>
              <th>Table</th>
              <th>Kind</th>
              <th>Size</th>
              <th>Hop</th>
              <th>Lateness</th>
              <th>Emit</th>
              <th>Rows emitted</th>
              <th>Late rows</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {windows.map((window) => (
              <tr key={window.spec.name} data-testid="window-row" data-name={window.spec.name}>
                <td>
                  {window.spec.name}
                  {window.problem && (
                    <span className="sql-window-problem" role="note" title={window.problem}>
                      {' '}
                      ⚠ not filled
                    </span>
                  )}
                </td>
                <td>{window.spec.kind === 'hop' ? 'HOP' : 'TUMBLE'}</td>
                <td>{durationText(window.spec.sizeMs)}</td>
                <td>{window.spec.kind === 'hop' ? durationText(window.spec.hopMs) : '–'}</td>
                <td>{durationText(window.spec.latenessMs)}</td>
                <td>{window.spec.emit === 'changes' ? 'changes' : 'final'}</td>
                <td data-testid="window-rows" title={`${formatCount(window.closedRows)} closed, ${formatCount(window.openRows)} open`}>
                  {formatCount(window.closedRows)}
                </td>
                <td>
                  <LateRows window={window} />
                </td>
                <td>
                  <button type="button" aria-label={`Drop window ${window.spec.name}`} onClick={() => void drop(window.spec.name)}>
                    Drop
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
