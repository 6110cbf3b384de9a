/**
 * "Load network…": the native dialog in the desktop app; in a browser, a file picker whose file
 * is streamed to the web host and then loaded from there.
 */
import { useRef } from 'react';
import { isDesktop } from '../../transport/engineClient';
import { graphActions } from './graphActions';
import { useGraphPanel } from './graphPanelStore';
import { HiddenFileInput } from '../../widgets/HiddenFileInput';

export function LoadNetworkButton(): React.JSX.Element {
  const input = useRef<HTMLInputElement>(null);
  const uploading = useGraphPanel((s) => s.uploading);
  if (isDesktop) {
    return (
      <button type="button" onClick={() => void graphActions.showNetworkDialog()}>
        Load network…
      </button>
    );
  }
  return (
    <>
      <button type="button" disabled={uploading} onClick={() => input.current?.click()}>
        {uploading ? 'Uploading…' : 'Load network…'}
      </button>
      <HiddenFileInput inputRef={input} accept=".json,.csv" label="Road network file" onFile={(file) => void graphActions.uploadNetwork(file)} />
    </>
  );
}
