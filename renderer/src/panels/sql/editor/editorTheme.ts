/**
 * The editor's look, from the app's CSS variables (light and dark follow the system like the
 * rest of the page). Syntax colours are variables too, defined in ../sql.css for both themes.
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

const theme = EditorView.theme({
  '&': {
    backgroundColor: 'var(--surface)',
    color: 'var(--text)',
    border: '1px solid var(--border)',
    borderRadius: '6px',
    height: '100%',
  },
  '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '-1px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, monospace', fontSize: '13px', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': { backgroundColor: 'var(--sql-selection)' },
  '.cm-gutters': { backgroundColor: 'var(--bg)', color: 'var(--muted)', border: 'none', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--sql-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--sql-active-line)' },
  '.cm-placeholder': { color: 'var(--muted)' },
  '.cm-sql-error': { textDecoration: 'underline wavy var(--danger)', textUnderlineOffset: '3px', backgroundColor: 'var(--danger-bg)' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--accent-text)' },
  '.cm-completionDetail': { color: 'var(--muted)', marginLeft: '0.8em' },
  '.cm-matchingBracket': { backgroundColor: 'var(--sql-selection)', outline: '1px solid var(--border)' },
});

const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword], color: 'var(--sql-keyword)', fontWeight: '600' },
  { tag: tags.string, color: 'var(--sql-string)' },
  // lang-sql tags "quoted names" as a special string; they are names, coloured like names.
  { tag: tags.special(tags.string), color: 'var(--sql-name)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--sql-number)' },
  { tag: [tags.typeName, tags.standard(tags.name)], color: 'var(--sql-type)' },
  { tag: tags.special(tags.name), color: 'var(--sql-name)' },
  { tag: [tags.lineComment, tags.blockComment], color: 'var(--muted)', fontStyle: 'italic' },
  { tag: tags.invalid, color: 'var(--danger)' },
]);

export const editorTheme: Extension = [theme, syntaxHighlighting(highlight)];
