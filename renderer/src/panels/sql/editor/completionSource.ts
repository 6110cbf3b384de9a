/**
 * CodeMirror's side of completion: finds the name being typed on the cursor's line and offers
 * the live table's names (see ../sqlCompletion). Keywords come from lang-sql's own source.
 */
import type { CompletionSource } from '@codemirror/autocomplete';
import { completionSpot, nameCompletions, type CompletionSchema } from '../sqlCompletion';

const PLAIN_NAME = /^[\w$]*$/;
const QUOTED_NAME = /^"(?:[^"]|"")*$/;

/** `schema` is read on every keystroke, so columns that arrive during a replay are offered at once. */
export function liveTableCompletion(schema: () => CompletionSchema | null): CompletionSource {
  return (context) => {
    const current = schema();
    if (!current) return null;
    const line = context.state.doc.lineAt(context.pos);
    const spot = completionSpot(line.text.slice(0, context.pos - line.from));
    // Offer names unasked only once something is typed (or after "table.").
    if (spot.typed === 0 && spot.qualifier === null && !context.explicit) return null;
    return {
      from: line.from + spot.from,
      options: nameCompletions(current, spot),
      validFor: spot.quoted ? QUOTED_NAME : PLAIN_NAME,
    };
  };
}
