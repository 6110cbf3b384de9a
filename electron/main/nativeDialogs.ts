/** The native open and save dialogs the shell shows for the page; each resolves to a path or null when cancelled. */
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';

async function choosePath(window: BrowserWindow, options: OpenDialogOptions): Promise<string | null> {
  const result = await dialog.showOpenDialog(window, options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function chooseSavePath(window: BrowserWindow, options: SaveDialogOptions): Promise<string | null> {
  const result = await dialog.showSaveDialog(window, options);
  return result.canceled ? null : (result.filePath ?? null);
}

export function chooseCsvPath(window: BrowserWindow): Promise<string | null> {
  return choosePath(window, {
    title: 'Open traffic CSV',
    properties: ['openFile'],
    filters: [
      { name: 'CSV files', extensions: ['csv', 'tsv', 'txt'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
}

export function chooseNetworkPath(window: BrowserWindow): Promise<string | null> {
  return choosePath(window, {
    title: 'Load road network',
    properties: ['openFile'],
    filters: [
      { name: 'Road networks (JSON, CSV)', extensions: ['json', 'csv', 'txt'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
}

export function chooseRejectedRowsPath(window: BrowserWindow): Promise<string | null> {
  return chooseSavePath(window, { title: 'Save rejected rows', defaultPath: 'rejected-rows.csv', filters: [{ name: 'CSV files', extensions: ['csv'] }] });
}

export function chooseSqlExportPath(window: BrowserWindow): Promise<string | null> {
  return chooseSavePath(window, { title: 'Export query result', defaultPath: 'query-result.csv', filters: [{ name: 'CSV files', extensions: ['csv'] }] });
}
