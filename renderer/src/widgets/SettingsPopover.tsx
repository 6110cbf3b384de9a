/**
 * A "settings" popover: a summary button and a form that validates, sends the settings to the
 * engine, shows what went wrong, and closes once they are applied. The form is mounted only while
 * the popover is open, so it always starts from the settings in force.
 */
import { useState } from 'react';

/** What a form's parser says: the settings to send, or why the typed values cannot be used. */
export type FormParse<T> = { ok: true; value: T } | { ok: false; message: string };

interface FormProps<T> {
  className: string;
  /** Reads the typed values; called on submit. */
  parse(): FormParse<T>;
  /** Sends the settings; resolves to an error message, or null when applied. */
  apply(value: T): Promise<string | null>;
  onDone(): void;
  children: React.ReactNode;
}

export function PopoverForm<T>({ className, parse, apply, onDone, children }: FormProps<T>): React.JSX.Element {
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    const parsed = parse();
    if (!parsed.ok) {
      setMessage(parsed.message);
      return;
    }
    setSaving(true);
    const failure = await apply(parsed.value);
    setSaving(false);
    setMessage(failure);
    if (failure === null) onDone();
  };

  return (
    <form className={`popover ${className}`} noValidate onSubmit={(event) => void submit(event)}>
      {children}
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

interface PopoverProps {
  className: string;
  summary: string;
  /** Accessible name of the summary when its text alone is not enough. */
  summaryLabel?: string;
  title: string;
  /** The form, given a function that closes the popover. */
  children(close: () => void): React.ReactNode;
}

export function SettingsPopover({ className, summary, summaryLabel, title, children }: PopoverProps): React.JSX.Element {
  const [open, setOpen] = useState(false);
  return (
    <details className={className} open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary aria-label={summaryLabel} title={title}>
        {summary}
      </summary>
      {open && children(() => setOpen(false))}
    </details>
  );
}
