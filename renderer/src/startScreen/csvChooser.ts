/**
 * "Open CSV…" from anywhere (Ctrl+O, the menu): the desktop's native dialog, or in a browser the
 * file picker of the Open CSV button on screen, so the chosen file takes the exact same path as a
 * click. The button registers its hidden input here while it is mounted.
 */
import { useEffect, type RefObject } from 'react';
import { actions } from '../store/actions';
import { isDesktop } from '../transport/engineClient';

/** Mounted pickers, newest last: the start screen's and the toolbar's never overlap, but a stack costs nothing. */
const pickers: HTMLInputElement[] = [];

export function useCsvPicker(input: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const element = input.current;
    if (!element) return;
    pickers.push(element);
    return () => {
      pickers.splice(pickers.indexOf(element), 1);
    };
  }, [input]);
}

export function chooseCsvFile(): void {
  if (isDesktop) void actions.openDialog();
  else pickers.at(-1)?.click();
}
