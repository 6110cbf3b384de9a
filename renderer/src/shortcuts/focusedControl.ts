/**
 * Whether a key press belongs to the control that has focus rather than to the app: Space types a
 * space in the SQL editor and presses a focused button, whatever the shortcut table says.
 */

/** Elements that use plain keys themselves: text entry, form controls, links, ARIA widgets, focusable custom widgets. */
const OWNS_PLAIN_KEYS = [
  'input',
  'textarea',
  'select',
  'button',
  'a[href]',
  'summary',
  'audio[controls]',
  'video[controls]',
  '[contenteditable]:not([contenteditable="false"])',
  '[role="button"]',
  '[role="link"]',
  '[role="checkbox"]',
  '[role="radio"]',
  '[role="switch"]',
  '[role="slider"]',
  '[role="spinbutton"]',
  '[role="textbox"]',
  '[role="searchbox"]',
  '[role="combobox"]',
  '[role="listbox"]',
  '[role="option"]',
  '[role="menuitem"]',
  '[role="tab"]',
  '[role="treeitem"]',
  '[role="gridcell"]',
  // A focusable scroller or canvas pages or acts on Space itself.
  '[tabindex]:not([tabindex^="-"])',
  // Keys in an open modal belong to the modal, not to the replay behind it.
  'dialog[open]',
].join(', ');

/**
 * A button clicked with the mouse keeps focus. After clicking Replay, the user's Space means pause,
 * as in a media player, not "press Replay again" (which would restart the replay); a button reached
 * with Tab still gets its Space. `:focus-visible` cannot tell the two apart: Chromium turns it on
 * for the focused element as soon as any key is pressed, so the pointer is tracked here.
 */
const PRESSABLE = 'button, a[href], [role="button"]';
let pointerFocused: EventTarget | null = null;
let pointerActive = false;

/** Installs the focus tracking; returns its removal. */
export function trackPointerFocus(): () => void {
  const onPointerDown = (): void => {
    pointerActive = true;
  };
  const onKeyDown = (): void => {
    pointerActive = false;
  };
  const onFocusIn = (event: FocusEvent): void => {
    pointerFocused = pointerActive ? event.target : null;
  };
  document.addEventListener('pointerdown', onPointerDown, true);
  document.addEventListener('keydown', onKeyDown, true);
  document.addEventListener('focusin', onFocusIn, true);
  return () => {
    document.removeEventListener('pointerdown', onPointerDown, true);
    document.removeEventListener('keydown', onKeyDown, true);
    document.removeEventListener('focusin', onFocusIn, true);
  };
}

function ownsPlainKeys(node: HTMLElement): boolean {
  if (node === pointerFocused && node.matches(PRESSABLE)) return false;
  return node.isContentEditable || node.matches(OWNS_PLAIN_KEYS);
}

/**
 * The composed path, not `event.target`: the SQL editor lives in a shadow root, and from the
 * window its keys seem to come from the (non-editable) host element.
 */
export function isInFocusedControl(event: Event): boolean {
  return event.composedPath().some((node) => node instanceof HTMLElement && ownsPlainKeys(node));
}

/**
 * A chord with Ctrl, ⌘ or Alt is never text, so it works from inside an editor too (Ctrl+B hides the
 * side panels while typing SQL) unless the control already handled it (`defaultPrevented`). A plain
 * key (Space) is the app's only when no control has focus.
 */
export function keyBelongsToFocusedControl(event: KeyboardEvent): boolean {
  if (event.defaultPrevented) return true;
  const chord = event.ctrlKey || event.metaKey || event.altKey;
  return !chord && isInFocusedControl(event);
}
