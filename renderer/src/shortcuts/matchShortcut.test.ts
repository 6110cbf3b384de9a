import { describe, expect, it } from 'vitest';
import { SHORTCUTS, type Shortcut } from '../../../shared/shell/shortcuts';
import { acceleratorLabel, ariaKeyShortcut, parseAccelerator } from './accelerator';
import { matchShortcut, type KeyPress } from './matchShortcut';

/** A key press with no modifiers unless given; `code` as a US keyboard would report it. */
function press(key: string, modifiers: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress {
  const code = key === ' ' ? 'Space' : key === '.' ? 'Period' : /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key;
  return { key, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers };
}

const action = (shortcut: Shortcut | undefined): string | undefined => shortcut?.action;

describe('matchShortcut', () => {
  it('maps Space, with no modifier, to Replay/Pause', () => {
    expect(action(matchShortcut(press(' '), 'other'))).toBe('replayOrPause');
    expect(action(matchShortcut(press(' '), 'mac'))).toBe('replayOrPause');
    expect(matchShortcut(press(' ', { shiftKey: true }), 'other')).toBeUndefined();
    expect(matchShortcut(press(' ', { ctrlKey: true }), 'other')).toBeUndefined();
  });

  it('reads CmdOrCtrl as Ctrl outside macOS and ⌘ on macOS', () => {
    expect(action(matchShortcut(press('b', { ctrlKey: true }), 'other'))).toBe('toggleSidePanels');
    expect(matchShortcut(press('b', { metaKey: true }), 'other')).toBeUndefined();
    expect(action(matchShortcut(press('b', { metaKey: true }), 'mac'))).toBe('toggleSidePanels');
    expect(matchShortcut(press('b', { ctrlKey: true }), 'mac')).toBeUndefined();
  });

  it('finds every shortcut of the table from its own accelerator', () => {
    expect(action(matchShortcut(press('j', { ctrlKey: true }), 'other'))).toBe('toggleDock');
    expect(action(matchShortcut(press('o', { ctrlKey: true }), 'other'))).toBe('open');
    expect(action(matchShortcut(press('.', { metaKey: true }), 'mac'))).toBe('stop');
    expect(action(matchShortcut(press('B', { ctrlKey: true }), 'other'))).toBe('toggleSidePanels'); // Caps Lock on
  });

  it('needs exactly the modifiers of the accelerator', () => {
    expect(matchShortcut(press('b'), 'other')).toBeUndefined();
    expect(matchShortcut(press('B', { ctrlKey: true, shiftKey: true }), 'other')).toBeUndefined();
    expect(matchShortcut(press('b', { ctrlKey: true, altKey: true }), 'other')).toBeUndefined();
  });

  it('finds a letter shortcut by its physical key on a non-Latin layout, not by another Latin key', () => {
    expect(action(matchShortcut({ ...press('и', { ctrlKey: true }), code: 'KeyB' }, 'other'))).toBe('toggleSidePanels');
    // Dvorak: the key labelled B sends 'x' from where QWERTY has N; it must not count as B.
    expect(matchShortcut({ ...press('x', { ctrlKey: true }), code: 'KeyB' }, 'other')).toBeUndefined();
  });

  it('ignores keys no shortcut uses', () => {
    expect(matchShortcut(press('a'), 'other')).toBeUndefined();
    expect(matchShortcut(press('Enter', { ctrlKey: true }), 'other')).toBeUndefined();
  });

  it('uses only the table it is given', () => {
    const table: Shortcut[] = [{ action: 'stop', accelerator: 'Alt+Shift+S', page: 'always' }];
    expect(action(matchShortcut(press('S', { altKey: true, shiftKey: true }), 'other', table))).toBe('stop');
    expect(matchShortcut(press(' '), 'other', table)).toBeUndefined();
  });
});

describe('accelerators', () => {
  it('parses every accelerator of the shared table', () => {
    for (const shortcut of SHORTCUTS) expect(() => parseAccelerator(shortcut.accelerator, 'other')).not.toThrow();
  });

  it('refuses an unknown modifier or a missing key', () => {
    expect(() => parseAccelerator('Hyper+B', 'other')).toThrow(/Unknown modifier/);
    expect(() => parseAccelerator('CmdOrCtrl+', 'other')).toThrow(/without a key/);
  });

  it('reads Plus as the + key', () => {
    expect(parseAccelerator('CmdOrCtrl+Plus', 'other')).toEqual({ key: 'PLUS', ctrl: true, meta: false, alt: false, shift: false });
    expect(action(matchShortcut(press('+', { ctrlKey: true }), 'other', [{ action: 'open', accelerator: 'CmdOrCtrl+Plus', page: 'always' }]))).toBe('open');
  });

  it('labels a shortcut the way each platform writes it', () => {
    expect(acceleratorLabel('CmdOrCtrl+B', 'other')).toBe('Ctrl+B');
    expect(acceleratorLabel('CmdOrCtrl+B', 'mac')).toBe('⌘B');
    expect(acceleratorLabel('Space', 'other')).toBe('Space');
    expect(acceleratorLabel('Shift+CmdOrCtrl+.', 'mac')).toBe('⇧⌘.');
  });

  it('writes aria-keyshortcuts values', () => {
    expect(ariaKeyShortcut('CmdOrCtrl+J', 'other')).toBe('Control+J');
    expect(ariaKeyShortcut('CmdOrCtrl+J', 'mac')).toBe('Meta+J');
    expect(ariaKeyShortcut('Space', 'other')).toBe('Space');
  });
});
