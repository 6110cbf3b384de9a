import { describe, expect, it } from 'vitest';
import { tokenizeSql, type SqlToken } from './sqlTokens';

const kinds = (sql: string): string[] => tokenizeSql(sql).map((token) => `${token.kind}:${token.text}`);
const only = (sql: string): SqlToken => {
  const tokens = tokenizeSql(sql);
  expect(tokens).toHaveLength(1);
  return tokens[0]!;
};

describe('tokenizeSql', () => {
  it('splits words, numbers and punctuation with their offsets', () => {
    expect(tokenizeSql('SELECT a,1 FROM t;')).toEqual([
      { kind: 'word', text: 'SELECT', value: 'SELECT', from: 0, to: 6 },
      { kind: 'word', text: 'a', value: 'a', from: 7, to: 8 },
      { kind: 'punct', text: ',', value: ',', from: 8, to: 9 },
      { kind: 'number', text: '1', value: '1', from: 9, to: 10 },
      { kind: 'word', text: 'FROM', value: 'FROM', from: 11, to: 15 },
      { kind: 'word', text: 't', value: 't', from: 16, to: 17 },
      { kind: 'punct', text: ';', value: ';', from: 17, to: 18 },
    ]);
  });

  it('skips line and block comments, and an unterminated block comment runs to the end', () => {
    expect(kinds('a -- DROP TABLE x\nb /* DELETE; */ c')).toEqual(['word:a', 'word:b', 'word:c']);
    expect(kinds('a /* DROP TABLE x; b')).toEqual(['word:a']);
    expect(kinds('a -- no newline')).toEqual(['word:a']);
    // A comment separates tokens the way a space does.
    expect(kinds('DELETE/**/FROM')).toEqual(['word:DELETE', 'word:FROM']);
  });

  it("reads strings with '' escapes, and keeps ; and -- inside them", () => {
    const token = only("'it''s; -- not a comment'");
    expect(token).toMatchObject({ kind: 'string', value: "it's; -- not a comment", from: 0, to: 25 });
  });

  it('reads "quoted", [bracketed] and `backtick` names, de-doubling the quote inside', () => {
    expect(only('"Day of the ""week"""')).toMatchObject({ kind: 'quoted', value: 'Day of the "week"' });
    expect(only('[Traffic Situation]')).toMatchObject({ kind: 'quoted', value: 'Traffic Situation' });
    // Brackets have no escape: the first ] ends the name.
    expect(kinds('[a]]')).toEqual(['quoted:[a]', 'punct:]']);
    expect(only('`back``tick`')).toMatchObject({ kind: 'quoted', value: 'back`tick' });
  });

  it('runs an unterminated string or quoted name to the end of the text', () => {
    expect(tokenizeSql("SELECT 'abc; DROP")[1]).toMatchObject({ kind: 'string', text: "'abc; DROP", value: 'abc; DROP', to: 17 });
    expect(tokenizeSql('SELECT "abc')[1]).toMatchObject({ kind: 'quoted', text: '"abc', value: 'abc' });
    expect(tokenizeSql('SELECT [abc')[1]).toMatchObject({ kind: 'quoted', value: 'abc' });
  });

  it("reads blob literals X'…' as one token", () => {
    expect(kinds("SELECT X'4142', x'00'")).toEqual(['word:SELECT', "string:X'4142'", 'punct:,', "string:x'00'"]);
    expect(only("X'4142'").value).toBe('4142');
    // x followed by anything but a quote is a name.
    expect(kinds('xy')).toEqual(['word:xy']);
  });

  it('reads numbers: decimals, exponents, hex and digit separators', () => {
    expect(kinds('1 1.5 .5 1. 1e5 1E-3 2.5e+10 0x1F 0XfF 1_000')).toEqual([
      'number:1',
      'number:1.5',
      'number:.5',
      'number:1.',
      'number:1e5',
      'number:1E-3',
      'number:2.5e+10',
      'number:0x1F',
      'number:0XfF',
      'number:1_000',
    ]);
    // Letters glued to a number are one bad token, as SQLite quotes it in its error.
    expect(kinds('1abc + 1')).toEqual(['number:1abc', 'punct:+', 'number:1']);
    expect(kinds('a.b')).toEqual(['word:a', 'punct:.', 'word:b']);
  });

  it('reads parameters', () => {
    expect(kinds('? ?12 :name @at $dollar $a::b(c) #x')).toEqual([
      'param:?',
      'param:?12',
      'param::name',
      'param:@at',
      'param:$dollar',
      'param:$a::b(c)',
      'param:#x',
    ]);
    expect(kinds(': @')).toEqual(['punct::', 'punct:@']);
  });

  it('reads multi-character operators as one token', () => {
    expect(kinds('a||b<=c>=d<>e!=f==g<<h>>i->j->>k')).toEqual([
      'word:a',
      'punct:||',
      'word:b',
      'punct:<=',
      'word:c',
      'punct:>=',
      'word:d',
      'punct:<>',
      'word:e',
      'punct:!=',
      'word:f',
      'punct:==',
      'word:g',
      'punct:<<',
      'word:h',
      'punct:>>',
      'word:i',
      'punct:->',
      'word:j',
      'punct:->>',
      'word:k',
    ]);
    expect(kinds('a-b < c = d')).toEqual(['word:a', 'punct:-', 'word:b', 'punct:<', 'word:c', 'punct:=', 'word:d']);
  });

  it('treats names with $ and non-ASCII letters as SQLite does', () => {
    expect(kinds('a$b Straße_2 _x')).toEqual(['word:a$b', 'word:Straße_2', 'word:_x']);
    // Only five characters are whitespace to SQLite; a no-break space belongs to the name.
    expect(kinds('a\u00a0b\tc\fd\re')).toEqual(['word:a\u00a0b', 'word:c', 'word:d', 'word:e']);
  });

  it('returns nothing for blank or comment-only text', () => {
    expect(tokenizeSql('')).toEqual([]);
    expect(tokenizeSql('  \n -- only\n /* this */ ')).toEqual([]);
  });
});
