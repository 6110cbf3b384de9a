/**
 * What to tell the user after a statement that returns no rows: "View busy created",
 * "3 rows changed". SQLite reports only a change count, so the object and the verb come from the
 * statement's leading keywords.
 */
import { tokenizeSql, type SqlToken } from './sqlTokens';

const OBJECT_KINDS = new Set(['TABLE', 'VIEW', 'INDEX', 'TRIGGER']);
const ROW_VERBS = new Set(['INSERT', 'REPLACE', 'UPDATE', 'DELETE']);

function upper(token: SqlToken | undefined): string {
  return token?.kind === 'word' ? token.text.toUpperCase() : '';
}

function rows(changes: number): string {
  return `${changes} ${changes === 1 ? 'row' : 'rows'}`;
}

/** The object a CREATE/DROP/ALTER names, from the token after its kind ([IF [NOT] EXISTS] [schema.]name). */
function objectName(tokens: readonly SqlToken[], at: number): string | null {
  let i = at;
  if (upper(tokens[i]) === 'IF') i += upper(tokens[i + 1]) === 'NOT' ? 3 : 2;
  let name = tokens[i];
  if (tokens[i + 1]?.text === '.') name = tokens[i + 2];
  return name && name.kind !== 'punct' ? name.value : null;
}

function capitalized(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

export function summarizeStatement(sql: string, changes: number): string {
  const tokens = tokenizeSql(sql);
  const verb = upper(tokens[0]);
  if (verb === 'CREATE' || verb === 'DROP' || verb === 'ALTER') {
    let i = 1;
    while (['TEMP', 'TEMPORARY', 'UNIQUE', 'VIRTUAL'].includes(upper(tokens[i]))) i++;
    const kind = upper(tokens[i]);
    if (OBJECT_KINDS.has(kind)) {
      const name = objectName(tokens, i + 1);
      const done = verb === 'CREATE' ? 'created' : verb === 'DROP' ? 'dropped' : 'altered';
      const what = name === null ? capitalized(kind) : `${capitalized(kind)} ${name}`;
      return verb === 'CREATE' && changes > 0 ? `${what} ${done} with ${rows(changes)}` : `${what} ${done}`;
    }
  }
  // A WITH … prefix may lead to INSERT/UPDATE/DELETE; the first such verb is the statement's.
  const rowVerb = verb === 'WITH' ? tokens.some((token) => ROW_VERBS.has(upper(token))) : ROW_VERBS.has(verb);
  if (rowVerb) return `${rows(changes)} changed`;
  return changes > 0 ? `Done: ${rows(changes)} changed` : 'Done';
}
