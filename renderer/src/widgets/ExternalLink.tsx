/**
 * A link to one of the few documentation pages the app may open (shared/shell/externalLinks.ts):
 * named by key, so a page cannot link anywhere else. It opens outside the app: a new tab in a
 * browser, the system browser from the desktop shell.
 */
import type { ReactNode } from 'react';
import { EXTERNAL_LINKS } from '../../../shared/shell/externalLinks';

interface Props {
  to: keyof typeof EXTERNAL_LINKS;
  className?: string;
  children: ReactNode;
}

export function ExternalLink({ to, className, children }: Props): React.JSX.Element {
  return (
    <a href={EXTERNAL_LINKS[to]} className={className} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  );
}
