/**
 * How the engine reads the file, in one line, the moment it opens: where time comes from, which
 * column is the location, which number is the measure; each a click away from being changed (the
 * Edit roles dialog). Under it, what the engine chose on the user's behalf or was unsure of.
 */
import type { FileInfo } from '../../../../shared/contract';

interface Props {
  file: FileInfo;
  onEdit(): void;
}

function Part({ label, value, onEdit }: { label: string; value: string; onEdit(): void }): React.JSX.Element {
  return (
    <button type="button" className="link-button" onClick={onEdit} title={`Change the ${label.toLowerCase()} (Edit roles)`}>
      {label}: {value}
    </button>
  );
}

export function FileReading({ file, onEdit }: Props): React.JSX.Element {
  return (
    <div className="file-reading">
      <p className="panel-meta" data-testid="file-reading">
        <Part label="Time" value={file.time ? file.time.label : 'none (paced by rows)'} onEdit={onEdit} />
        {' · '}
        <Part label="Location" value={file.location ?? 'none (one place)'} onEdit={onEdit} />
        {' · '}
        <Part label="Measure" value={file.measure ?? 'none'} onEdit={onEdit} />
      </p>
      {file.notes.length > 0 && (
        <ul className="file-notes" data-testid="file-notes" aria-label="What was inferred">
          {file.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
