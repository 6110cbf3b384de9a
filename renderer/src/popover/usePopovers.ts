/**
 * Every popover of the app is a <details> whose summary is its button and whose `.popover` child
 * is the box. One listener on the document handles them all, so a new popover gets the same
 * behaviour without wiring: it is placed inside the window, over the panels, when it opens; Escape
 * closes it and gives focus back to its button.
 */
import { useEffect } from 'react';
import { placePopover } from './placement';

function popoverOf(details: HTMLDetailsElement): HTMLElement | null {
  return details.querySelector<HTMLElement>(':scope > .popover');
}

/**
 * Panels clip what overflows them, so a popover laid out inside its panel was cut off where the
 * panel next to it began. Fixed to the window instead (no ancestor has a transform, which would
 * make it relative to that), it shows over every panel, at a place that fits the window.
 */
function place(details: HTMLDetailsElement): void {
  const popover = popoverOf(details);
  const summary = details.querySelector(':scope > summary');
  if (popover === null || summary === null) return;
  Object.assign(popover.style, { position: 'fixed', right: 'auto', bottom: 'auto', left: '0px', top: '0px' });
  const { left, top } = placePopover(popover.getBoundingClientRect(), summary.getBoundingClientRect(), {
    width: document.documentElement.clientWidth,
    height: document.documentElement.clientHeight,
  });
  Object.assign(popover.style, { left: `${left}px`, top: `${top}px` });
}

/** A scroll or resize moves the buttons: the open popovers follow theirs. */
function placeOpen(): void {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('details[open]')) place(details);
}

/** The popover Escape closes: the one holding focus, else the one opened last. */
function popoverToClose(lastOpened: HTMLDetailsElement | null): HTMLDetailsElement | null {
  const focused = document.activeElement?.closest<HTMLDetailsElement>('details[open]') ?? null;
  if (focused !== null && popoverOf(focused) !== null) return focused;
  return lastOpened?.open === true ? lastOpened : null;
}

export function usePopovers(): void {
  useEffect(() => {
    let lastOpened: HTMLDetailsElement | null = null;
    // "toggle" does not bubble, so it is caught on the way down.
    const onToggle = (event: Event): void => {
      const details = event.target;
      if (!(details instanceof HTMLDetailsElement) || !details.open) return;
      lastOpened = details;
      place(details);
      // Some popovers (SettingsPopover's forms) mount only once React has seen the toggle: place them when they have.
      requestAnimationFrame(() => place(details));
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const details = popoverToClose(lastOpened);
      if (details === null) return;
      event.preventDefault();
      details.open = false;
      details.querySelector<HTMLElement>(':scope > summary')?.focus();
    };
    document.addEventListener('toggle', onToggle, true);
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('scroll', placeOpen, true);
    window.addEventListener('resize', placeOpen);
    return () => {
      document.removeEventListener('toggle', onToggle, true);
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('scroll', placeOpen, true);
      window.removeEventListener('resize', placeOpen);
    };
  }, []);
}
