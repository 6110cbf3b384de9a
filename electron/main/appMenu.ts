/** The application menu: Open, Replay controls and Quit, with each platform's conventions. */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../../shared/contract';

export function buildAppMenu(send: (action: MenuAction) => void): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open CSV…', accelerator: 'CmdOrCtrl+O', click: () => send('open') },
        { label: 'Try the Sample', click: () => send('openSample') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
      ],
    },
    {
      label: '&Replay',
      submenu: [
        { label: 'Replay', accelerator: 'CmdOrCtrl+R', click: () => send('replay') },
        { label: 'Pause / Resume', accelerator: 'CmdOrCtrl+P', click: () => send('pauseResume') },
        { label: 'Stop', accelerator: 'CmdOrCtrl+.', click: () => send('stop') },
      ],
    },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
