/**
 * The browser's file picker behind a button of our own (the web host has no native dialog): hidden,
 * opened with `inputRef.current.click()`, handing on the chosen file once. The value is cleared so
 * choosing the same file again still counts as a choice.
 */
import type { RefObject } from 'react';

interface Props {
  inputRef: RefObject<HTMLInputElement | null>;
  /** File types offered, as for `<input accept>`. */
  accept: string;
  /** Accessible name: what the file is for. */
  label: string;
  onFile(file: File): void;
}

export function HiddenFileInput({ inputRef, accept, label, onFile }: Props): React.JSX.Element {
  return (
    <input
      ref={inputRef}
      type="file"
      accept={accept}
      aria-label={label}
      hidden
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
