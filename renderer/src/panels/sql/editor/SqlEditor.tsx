/**
 * Hosts the CodeMirror view. The store's `text` and the editor stay in step both ways: typing
 * writes the store, and a query loaded from the library (which writes the store) replaces the
 * editor's text. A failed run underlines SQLite's error position and moves the cursor there.
 */
import type { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { useView } from '../../../store/viewStore';
import { liveSchema } from '../liveSchema';
import { sqlActions } from '../sqlActions';
import { useSqlStore, type SqlOutcome } from '../sqlStore';
import { createSqlEditor, replaceText } from './createSqlEditor';
import { errorMarks, showError } from './errorMark';

function currentSchema(): ReturnType<typeof liveSchema> {
  const session = useView.getState();
  return liveSchema(session.sqlTable, session.file?.columns ?? null);
}

function reflectOutcome(view: EditorView, outcome: SqlOutcome | null): void {
  const result = outcome?.result;
  // Positions are offsets into the text as sent: only meaningful while the editor still holds it.
  if (result?.status === 'error' && result.error.position && outcome && view.state.doc.toString() === outcome.sql) {
    showError(view, result.error.position);
    if (!outcome.live) view.focus();
  } else if (errorMarks(view).length > 0) {
    showError(view, null);
  }
}

/**
 * The app's Content-Security-Policy allows no inline <style> elements, which is how CodeMirror
 * styles a document. Inside a shadow root it uses a constructed stylesheet instead, which the
 * policy permits; the app's CSS variables still inherit through the host element.
 */
function editorRoot(host: HTMLElement): { root: ShadowRoot; container: HTMLDivElement } {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' }); // React may mount twice on one element
  const container = document.createElement('div');
  container.style.height = '100%';
  root.append(container);
  return { root, container };
}

export function SqlEditor(): React.JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const { root, container } = editorRoot(host.current);
    const view = createSqlEditor({
      parent: container,
      root,
      doc: useSqlStore.getState().text,
      onChange: (text) => useSqlStore.getState().setText(text),
      onRun: () => void sqlActions.run(),
      schema: currentSchema,
    });
    const unsubscribe = useSqlStore.subscribe((state, previous) => {
      if (state.text !== previous.text && state.text !== view.state.doc.toString()) replaceText(view, state.text);
      if (state.outcome !== previous.outcome) reflectOutcome(view, state.outcome);
    });
    return () => {
      unsubscribe();
      view.destroy();
      container.remove();
    };
  }, []);
  return <div className="sql-editor" ref={host} data-testid="sql-editor" />;
}
