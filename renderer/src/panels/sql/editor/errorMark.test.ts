import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { errorMarkExtension, errorMarks, markRange, setErrorMark } from './errorMark';

describe('error mark', () => {
  it('clamps to the text and widens a spot to one character', () => {
    expect(markRange({ from: 3, to: 7 }, 20)).toEqual({ from: 3, to: 7 });
    expect(markRange({ from: 5, to: 5 }, 20)).toEqual({ from: 5, to: 6 });
    expect(markRange({ from: 18, to: 40 }, 20)).toEqual({ from: 18, to: 20 });
    expect(markRange({ from: 25, to: 30 }, 20)).toEqual({ from: 19, to: 20 });
    expect(markRange({ from: -2, to: 1 }, 20)).toEqual({ from: 0, to: 1 });
    expect(markRange({ from: 0, to: 0 }, 0)).toBeNull();
  });

  it('marks a range and clears it on the next edit', () => {
    let state = EditorState.create({ doc: 'SELEC 1 FROM traffic', extensions: errorMarkExtension });
    state = state.update({ effects: setErrorMark.of({ from: 0, to: 5 }) }).state;
    expect(errorMarks({ state })).toEqual([{ from: 0, to: 5 }]);
    // Moving the cursor keeps it.
    state = state.update({ selection: { anchor: 3 } }).state;
    expect(errorMarks({ state })).toEqual([{ from: 0, to: 5 }]);
    state = state.update({ changes: { from: 5, insert: 'T' } }).state;
    expect(errorMarks({ state })).toEqual([]);
  });

  it('clears on request', () => {
    let state = EditorState.create({ doc: 'x', extensions: errorMarkExtension });
    state = state.update({ effects: setErrorMark.of({ from: 0, to: 1 }) }).state;
    state = state.update({ effects: setErrorMark.of(null) }).state;
    expect(errorMarks({ state })).toEqual([]);
  });
});
