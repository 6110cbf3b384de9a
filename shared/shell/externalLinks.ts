/**
 * The only web pages the app links to. The desktop shell hands a link to the system browser only
 * when it is one of these (https, exactly this address); anything else a page might try to open is
 * refused.
 */
export const EXTERNAL_LINKS = {
  sqliteSyntax: 'https://www.sqlite.org/lang.html',
  kafkaSecurity: 'https://kafka.apache.org/documentation/#security',
} as const;
export type ExternalLinkName = keyof typeof EXTERNAL_LINKS;

/** Which of the app's links this address is, or null when it is none of them. */
export function externalLinkName(url: string): ExternalLinkName | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  const entry = Object.entries(EXTERNAL_LINKS).find(([, href]) => href === parsed.href);
  return entry ? (entry[0] as ExternalLinkName) : null;
}
