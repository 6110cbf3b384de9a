/**
 * Corrects what the engine inferred: each column's role (timestamp, location, measure, category),
 * how a timestamp column is written, and for the split form the month it starts in. Applying
 * during a replay carries on from the same row under the new roles; the choice can be remembered
 * for every file with the same header.
 */
import { useState } from 'react';
import type { FileInfo } from '../../../../shared/contract';
import { COLUMN_ROLES, TIME_FORMAT_IDS, TIME_FORMAT_LABELS, type ColumnRole, type TimeFormatId, type ZoneReading } from '../../../../shared/schema';
import { actions } from '../../store/actions';
import { EncodingChoice, initialEncodingChoice } from './EncodingChoice';
import { useModalDialog } from '../../widgets/useModalDialog';

const ROLE_LABELS: Record<ColumnRole, string> = {
  timestamp: 'Timestamp',
  location: 'Location (junction / sensor)',
  measure: 'Measure (number)',
  category: 'Category (text)',
};
const PREVIEW_VALUES = 3;

interface Props {
  file: FileInfo;
  onClose(): void;
}

function monthValue(file: FileInfo): string {
  const time = file.time;
  return time?.kind === 'split' ? `${time.anchorYear}-${String(time.anchorMonth).padStart(2, '0')}` : '';
}

export function SchemaDialog({ file, onClose }: Props): React.JSX.Element {
  const [roles, setRoles] = useState<Record<string, ColumnRole>>(() => Object.fromEntries(file.columns.map((c) => [c.name, c.role])));
  const [timeFormat, setTimeFormat] = useState<TimeFormatId | null>(null);
  /** The reading of a zoned time column; starts at what the engine chose (absent when the file writes no local zone). */
  const [zones, setZones] = useState<ZoneReading | undefined>(file.time?.kind === 'column' ? file.time.zones : undefined);
  const [month, setMonth] = useState(monthValue(file));
  const [encoding, setEncoding] = useState(initialEncodingChoice(file.encoding));
  /** Null: the engine chooses (what it chose is `file.measure`). */
  const [measure, setMeasure] = useState<string | null>(null);
  const [remember, setRemember] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useModalDialog();

  const timestampColumns = Object.entries(roles).filter(([, role]) => role === 'timestamp');
  const single = timestampColumns.length === 1;
  // A date with a time of day (or year, month, day… columns) has its month; only the split form needs one.
  const split = timestampColumns.length > 1 && file.time?.kind !== 'parts';
  const measureColumns = Object.entries(roles).flatMap(([name, role]) => (role === 'measure' ? [name] : []));
  const chosenMeasure = measure !== null && measureColumns.includes(measure) ? measure : null;

  const apply = async (): Promise<void> => {
    setBusy(true);
    const [year, monthNumber] = month.split('-').map(Number);
    const anchor = split && year && monthNumber ? { year, month: monthNumber } : null;
    const zoneChoice = single && zones !== undefined ? { zones } : {};
    const result = await actions.applySchema({ roles, timeFormat: single ? timeFormat : null, anchor, measure: chosenMeasure, ...zoneChoice, ...(encoding ? { encoding } : {}) }, remember);
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.message);
  };

  const reset = async (): Promise<void> => {
    setBusy(true);
    const ok = await actions.resetSchema();
    setBusy(false);
    if (ok) onClose();
  };

  return (
    <dialog ref={dialog} className="schema-dialog" aria-labelledby="schema-dialog-title" onCancel={onClose}>
      <h2 id="schema-dialog-title">Column roles</h2>
      <p className="hint">
        The timestamp paces the replay and places rows in time; the location keys the bus so each junction keeps its order; measures are
        numbers for the threshold filter; categories are text.
      </p>
      <table className="schema-table">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">First values</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {file.columns.map((column, index) => (
            <tr key={column.name}>
              <td>{column.name}</td>
              <td className="raw">
                {file.preview
                  .slice(0, PREVIEW_VALUES)
                  .map((row) => row[index] ?? '')
                  .join(' · ')}
              </td>
              <td>
                <select
                  aria-label={`Role of ${column.name}`}
                  value={roles[column.name]}
                  onChange={(event) => setRoles({ ...roles, [column.name]: event.target.value as ColumnRole })}
                >
                  {COLUMN_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {single && (
        <label>
          Time written as
          <select
            aria-label="Time format"
            value={timeFormat ?? 'auto'}
            onChange={(event) => setTimeFormat(event.target.value === 'auto' ? null : (event.target.value as TimeFormatId))}
          >
            <option value="auto">Detect from the data</option>
            {TIME_FORMAT_IDS.filter((id) => id !== 'clock').map((id) => (
              <option key={id} value={id}>
                {TIME_FORMAT_LABELS[id]}
              </option>
            ))}
          </select>
        </label>
      )}
      {single && zones !== undefined && (
        <label>
          Times written with a zone
          <select aria-label="Zone reading" value={zones} onChange={(event) => setZones(event.target.value as ZoneReading)}>
            <option value="as-written">Keep the clock written (22:00+01:00 is 22:00)</option>
            <option value="utc">Convert to UTC (22:00+01:00 is 21:00)</option>
          </select>
        </label>
      )}
      {split && (
        <label>
          First row's month (the file has only a day of month)
          <input type="month" aria-label="First month" value={month} onChange={(event) => setMonth(event.target.value)} />
        </label>
      )}
      {measureColumns.length > 0 && (
        <label>
          Main measure (where the threshold starts, what the graph sums and predictions forecast)
          <select aria-label="Main measure" value={chosenMeasure ?? 'auto'} onChange={(event) => setMeasure(event.target.value === 'auto' ? null : event.target.value)}>
            <option value="auto">Chosen from the data{file.measure ? ` (${file.measure})` : ''}</option>
            {measureColumns.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      {file.encoding && <EncodingChoice current={file.encoding} value={encoding} onChange={setEncoding} />}
      {timestampColumns.length === 0 && <p className="hint">No timestamp: the replay will pace by rows per second and the scrubber by rows.</p>}
      <label className="toggle">
        <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
        Remember for files with these columns
      </label>
      {error && (
        <p role="alert" className="dialog-error">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={() => void reset()} disabled={busy}>
          Back to inferred
        </button>
        <button type="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void apply()} disabled={busy}>
          Apply
        </button>
      </div>
    </dialog>
  );
}
