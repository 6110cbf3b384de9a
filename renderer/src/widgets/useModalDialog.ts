/**
 * Shows a native <dialog> as modal when it mounts and, when it unmounts, gives focus back to the
 * control that had it before (the button that opened it). The dialogs here are closed by
 * unmounting them (Escape's cancel event and Cancel both set the parent's state), and an open
 * dialog removed from the page runs none of the browser's close steps, so focus fell to <body>
 * and a keyboard user had to Tab from the top of the page again.
 */
import { useEffect, useRef, type RefObject } from 'react';

export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => {
      // The opener may be gone (its panel re-rendered away); then there is nothing sensible to return to.
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return dialog;
}
