/**
 * "Open CSV…": the native dialog in the desktop app; in a browser, a file picker whose file is
 * streamed to the web host.
 */
import { useRef } from 'react';
import { actions } from '../store/actions';
import { transport } from '../transport/engineClient';
import { HiddenFileInput } from '../widgets/HiddenFileInput';
import { useCsvPicker } from './csvChooser';

export function OpenCsvButton({ className }: { className?: string }): React.JSX.Element {
  const input = useRef<HTMLInputElement>(null);
  useCsvPicker(input);
  if (transport.kind === 'desktop') {
    return (
      <button type="button" className={className} onClick={() => void actions.openDialog()}>
        Open CSV…
      </button>
    );
  }
  return (
    <>
      <button type="button" className={className} onClick={() => input.current?.click()}>
        Open CSV…
      </button>
      <HiddenFileInput inputRef={input} accept=".csv,.tsv,.txt,text/csv" label="CSV file to upload" onFile={(file) => void actions.uploadAndOpen(file)} />
    </>
  );
}
