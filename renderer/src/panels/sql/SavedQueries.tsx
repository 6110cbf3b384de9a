/** Saving the editor's query under a name, and loading or deleting saved ones. */
import { useState } from 'react';
import { sqlActions } from './sqlActions';
import { useSqlStore } from './sqlStore';

export function SavedQueries(): React.JSX.Element {
  const saved = useSqlStore((s) => s.library.saved);
  const hasText = useSqlStore((s) => s.text.trim() !== '');
  const [name, setName] = useState('');

  const save = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    if (await sqlActions.saveQuery(name.trim())) setName('');
  };

  return (
    <details className="sql-saved">
      <summary>Saved queries ({saved.length})</summary>
      <div className="popover sql-saved-popover">
        <form className="sql-save-form" onSubmit={(event) => void save(event)}>
          <input type="text" aria-label="Query name" placeholder="Name" maxLength={200} value={name} onChange={(event) => setName(event.target.value)} />
          <button type="submit" disabled={name.trim() === '' || !hasText} title="Save the editor's query under this name (a query of the same name is replaced)">
            Save
          </button>
        </form>
        {saved.length === 0 ? (
          <p className="empty">No saved queries yet.</p>
        ) : (
          <ul aria-label="Saved queries">
            {saved.map((query) => (
              <li key={query.name}>
                <span className="sql-saved-name" title={query.sql}>
                  {query.name}
                </span>
                <button type="button" onClick={() => useSqlStore.getState().setText(query.sql)} aria-label={`Load ${query.name}`}>
                  Load
                </button>
                <button type="button" onClick={() => void sqlActions.deleteQuery(query.name)} aria-label={`Delete ${query.name}`}>
                  Delete
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
