/**
 * Underlines where SQLite says a query went wrong. The mark belongs to the text it was made
 * for, so the first edit removes it rather than leaving it on the wrong characters.
 */
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

export interface ErrorRange {
  from: number;
  to: number;
}

export const setErrorMark = StateEffect.define<ErrorRange | null>();

const errorDecoration = Decoration.mark({ class: 'cm-sql-error', attributes: { 'aria-invalid': 'true' } });

/** Clamped to the text; an empty range (SQLite points at a spot) is widened to one character so it shows. */
export function markRange(range: ErrorRange, length: number): ErrorRange | null {
  if (length === 0) return null;
  const from = Math.min(Math.max(0, range.from), length - 1);
  const to = Math.min(Math.max(from + 1, range.to), length);
  return { from, to };
}

const errorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, transaction) {
    let next = transaction.docChanged ? Decoration.none : marks;
    for (const effect of transaction.effects) {
      if (!effect.is(setErrorMark)) continue;
      const range = effect.value ? markRange(effect.value, transaction.state.doc.length) : null;
      next = range ? Decoration.set([errorDecoration.range(range.from, range.to)]) : Decoration.none;
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export const errorMarkExtension: Extension = errorField;

/** Marks the range and puts the cursor at its start, scrolled into view. */
export function showError(view: EditorView, range: ErrorRange | null): void {
  const clamped = range ? markRange(range, view.state.doc.length) : null;
  view.dispatch({
    effects: [setErrorMark.of(clamped), ...(clamped ? [EditorView.scrollIntoView(clamped.from, { y: 'center' })] : [])],
    ...(clamped ? { selection: { anchor: clamped.from } } : {}),
  });
}

/** Any underline currently shown (for tests and the panel's own checks). */
export function errorMarks(view: { state: EditorView['state'] }): ErrorRange[] {
  const ranges: ErrorRange[] = [];
  view.state.field(errorField).between(0, view.state.doc.length, (from, to) => {
    ranges.push({ from, to });
  });
  return ranges;
}
