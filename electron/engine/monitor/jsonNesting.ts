/**
 * How deeply a JSON text nests, found by scanning its brackets rather than by parsing. V8 parses
 * any depth, but JSON.stringify and every recursive walk of the parsed value overflow the stack a
 * few thousand levels down: a message like `{"a":[[[[…]]]]}` from a broken or hostile producer
 * would otherwise throw "Maximum call stack size exceeded" out of the monitor. Traffic messages
 * nest a handful of levels; anything past MAX_JSON_DEPTH is rejected before it is parsed.
 */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of `{`/`[` outside strings, or MAX_JSON_DEPTH + 1 as soon as it goes past. */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped, even a quote
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > MAX_JSON_DEPTH) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** True when a text nests deeper than the monitor reads. */
export const nestsTooDeeply = (text: string): boolean => jsonNestingDepth(text) > MAX_JSON_DEPTH;

export const TOO_DEEP_REASON = `JSON nested more than ${MAX_JSON_DEPTH} levels deep; not read`;
