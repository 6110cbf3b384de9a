/**
 * The page's keyboard shortcuts, from the shared table. Shortcuts marked 'always' are the page's in
 * both hosts (the desktop menu only shows them, so a key typed into an editor stays text); those
 * marked 'browser' are registered by the desktop menu itself, so the page handles them only in a
 * browser, where there is no menu.
 */
import { useEffect } from 'react';
import type { MenuAction } from '../../../shared/shell/menuActions';
import { isDesktop } from '../transport/engineClient';
import { keyBelongsToFocusedControl, trackPointerFocus } from './focusedControl';
import { matchShortcut } from './matchShortcut';
import { platform } from './platform';

export function useKeyboardShortcuts(handlers: Readonly<Record<MenuAction, () => unknown>>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      // A held key must not flip pause and resume many times a second; an IME owns keys mid-composition.
      if (event.repeat || event.isComposing) return;
      const shortcut = matchShortcut(event, platform);
      if (!shortcut || (shortcut.page === 'browser' && isDesktop)) return;
      if (keyBelongsToFocusedControl(event)) return;
      event.preventDefault(); // Space would scroll, Ctrl+O open the browser's own file dialog
      void handlers[shortcut.action]();
    };
    const stopTracking = trackPointerFocus();
    window.addEventListener('keydown', onKeyDown);
    return () => {
      stopTracking();
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [handlers]);
}
