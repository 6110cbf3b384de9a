/**
 * Puts the chosen theme on the page and tells the host. The stylesheet reads `data-theme` on the
 * root element (no attribute: follow the system); the desktop shell themes its native menus and
 * dialogs with it and remembers it for the next launch; a browser has no native parts to tell.
 */
import type { Theme } from '../../../shared/shell/theme';
import { isDesktop, tryInvoke } from '../transport/engineClient';
import { useAppearance } from './appearanceStore';

export function applyThemeToDocument(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

async function tellShell(theme: Theme): Promise<void> {
  if (!isDesktop) return;
  const envelope = await tryInvoke('shell:setTheme', { theme });
  // The page is themed either way; only the native parts keep their old look, which is no reason to interrupt the user.
  if (!envelope.ok) console.warn(`The shell did not take the theme: ${envelope.error.message}`);
}

/** Applies the stored theme now (the shell learns it on every launch, so the two never drift) and every change after; returns the unsubscribe. */
export function followAppearance(): () => void {
  const { theme } = useAppearance.getState();
  applyThemeToDocument(theme);
  void tellShell(theme);
  return useAppearance.subscribe((state, previous) => {
    if (state.theme === previous.theme) return;
    applyThemeToDocument(state.theme);
    void tellShell(state.theme);
  });
}
