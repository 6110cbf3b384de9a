/**
 * One TLS file of a profile: "Choose file…" opens the browser's file picker (the same in the
 * desktop window and in a browser), the file is read here and only its content goes on; the field
 * shows the file's name and what it holds (as counted here when just chosen, as the engine read it
 * once saved: subject and expiry), with "Remove". A key shows as "stored" once saved: its
 * content never comes back from the engine.
 */
import { useRef, useState } from 'react';
import { describePem, readPemFile, sizeLabel, type PemKind } from './pemFile';

/** What the field shows: the chosen file (with content) or a stored key (without). */
export type PemFieldValue = { name: string; pem: string; description?: string } | { name: string; pem: null; stored: boolean };

interface Props {
  /** e.g. "CA certificate". */
  label: string;
  kind: PemKind;
  /** Shown when nothing is chosen, e.g. "system CAs". */
  emptyText: string;
  value: PemFieldValue | null;
  testId: string;
  onChosen(name: string, pem: string): void;
  onRemoved(): void;
}

export function PemFileField({ label, kind, emptyText, value, testId, onChosen, onRemoved }: Props): React.JSX.Element {
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const choose = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const read = await readPemFile(file, kind);
    if (input.current) input.current.value = ''; // choosing the same file again still reads it
    if (!read.ok) {
      setProblem(read.message);
      return;
    }
    setProblem(null);
    onChosen(read.name, read.pem);
  };

  return (
    <div className="pem-field" role="group" aria-label={label} data-testid={testId}>
      <span className="pem-summary" data-testid={`${testId}-summary`}>
        {value === null ? <span className="muted">{emptyText}</span> : <PemSummary label={label} value={value} />}
      </span>
      <span className="pem-buttons">
        <input
          ref={input}
          type="file"
          hidden
          aria-label={`${label} file`}
          accept=".pem,.crt,.cer,.key,application/x-pem-file,text/plain"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        <button type="button" onClick={() => input.current?.click()}>
          Choose file…
        </button>
        {value !== null && (
          <button type="button" aria-label={`Remove ${label}`} onClick={() => {
              setProblem(null);
              onRemoved();
            }}>
            Remove
          </button>
        )}
      </span>
      {problem && (
        <p role="alert" className="dialog-error pem-problem">
          {problem}
        </p>
      )}
    </div>
  );
}

function PemSummary({ label, value }: { label: string; value: PemFieldValue }): React.JSX.Element {
  if (value.pem === null) {
    return (
      <>
        {label}: <strong>{value.name}</strong>, {value.stored ? 'key stored' : <span className="dialog-error">key not stored: choose it again</span>}
      </>
    );
  }
  return (
    <>
      {label}: <strong>{value.name}</strong>, {value.description ?? `${describePem(value.pem)}, ${sizeLabel(new Blob([value.pem]).size)}`}
    </>
  );
}
