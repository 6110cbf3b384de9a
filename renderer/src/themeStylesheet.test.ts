/**
 * The stylesheets write the dark values twice (for a theme chosen in Settings and for a dark system
 * with no choice): this keeps the two copies equal and every light variable with a dark value.
 */
import { describe, expect, it } from 'vitest';

/**
 * Vitest runs this file in Node, but the page's build has no Node types (and vitest empties CSS
 * imports, `?raw` too): so `fs` is loaded by a name the type checker does not follow, typed here.
 */
const fs = (await import(/* @vite-ignore */ 'node:fs' as string)) as { readFileSync(path: URL, encoding: 'utf8'): string };
const read = (path: string): string => fs.readFileSync(new URL(path, import.meta.url), 'utf8');

const FORCED_DARK = ":root[data-theme='dark'] {";
const SYSTEM_DARK = "@media (prefers-color-scheme: dark) {\n  :root:not([data-theme='light']) {";

/** The declarations of the rule that starts with `opening`, trimmed and sorted. */
function declarations(css: string, opening: string): string[] {
  const start = css.indexOf(opening);
  if (start < 0) throw new Error(`no rule "${opening}"`);
  const body = css.slice(start + opening.length, css.indexOf('}', start));
  return body
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(';')
    .map((declaration) => declaration.replace(/\s+/g, ' ').trim())
    .filter((declaration) => declaration.length > 0)
    .sort();
}

const variableNames = (list: string[]): string[] => list.filter((d) => d.startsWith('--')).map((d) => d.split(':')[0] ?? '');

describe.each([
  ['styles.css', read('./styles.css')],
  ['panels/sql/sql.css', read('./panels/sql/sql.css')],
])('%s', (_file, css) => {
  it('has the same dark values for a chosen dark theme and for a dark system', () => {
    expect(declarations(css, SYSTEM_DARK)).toEqual(declarations(css, FORCED_DARK));
  });

  it('gives every light variable a dark value', () => {
    expect(variableNames(declarations(css, FORCED_DARK))).toEqual(variableNames(declarations(css, ':root {')));
  });
});
