/** What a desktop menu item (or its accelerator) asks the page to do with the page's own settings. */
export const MENU_ACTIONS = [
  'open',
  'openSample',
  /** Starts a replay when none runs, pauses a running one, resumes a paused one. */
  'replayOrPause',
  'stop',
  'toggleSidePanels',
  'toggleDock',
  'themeSystem',
  'themeLight',
  'themeDark',
] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];
