/**
 * Builds the CodeMirror 6 view of the SQL console: SQLite highlighting and keywords, the live
 * table's names, Ctrl/Cmd+Enter to run, and the error underline. Plain CodeMirror, no wrapper:
 * React only gives it a parent element (see SqlEditor.tsx).
 */
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { SQLite, sql } from '@codemirror/lang-sql';
import { bracketMatching } from '@codemirror/language';
import { EditorState, Prec } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers, placeholder } from '@codemirror/view';
import type { CompletionSchema } from '../sqlCompletion';
import { liveTableCompletion } from './completionSource';
import { editorTheme } from './editorTheme';
import { errorMarkExtension } from './errorMark';

export interface SqlEditorOptions {
  parent: HTMLElement;
  /** The shadow root the editor lives in (see SqlEditor for why). */
  root: ShadowRoot;
  doc: string;
  onChange(text: string): void;
  onRun(): void;
  schema(): CompletionSchema | null;
}

export function createSqlEditor(options: SqlEditorOptions): EditorView {
  const language = sql({ dialect: SQLite, upperCaseKeywords: true });
  const run = (): boolean => {
    options.onRun();
    return true;
  };
  return new EditorView({
    parent: options.parent,
    root: options.root,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        // Highest precedence: the default keymap binds Mod-Enter to "insert blank line", and an
        // open completion list would otherwise take Enter-based keys first.
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run, preventDefault: true }, { key: 'Ctrl-Enter', run, preventDefault: true }])),
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        bracketMatching(),
        autocompletion(),
        // No Tab binding: Tab keeps moving focus out of the editor, as everywhere else in the app.
        keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap]),
        language,
        language.language.data.of({ autocomplete: liveTableCompletion(options.schema) }),
        errorMarkExtension,
        editorTheme,
        EditorView.lineWrapping,
        placeholder('SELECT … FROM traffic — Ctrl+Enter runs'),
        EditorView.contentAttributes.of({ 'aria-label': 'SQL editor' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
}

/** Replaces the whole text (a query loaded from history, saved queries or examples). */
export function replaceText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: text.length } });
}
