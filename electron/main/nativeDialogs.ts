/** The native open and save dialogs the shell shows for the page; each resolves to a path or null when cancelled. */
import type { AnalysisExport } from '../../shared/analysis/analysisContract';
import type { PredictExport } from '../../shared/predict/predictContract';
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';

/** Attached to the window when there is one (on macOS the app may have none open). */
async function choosePath(window: BrowserWindow | null, options: OpenDialogOptions): Promise<string | null> {
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function chooseSavePath(window: BrowserWindow | null, options: SaveDialogOptions): Promise<string | null> {
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled ? null : (result.filePath ?? null);
}

export function chooseCsvPath(window: BrowserWindow | null): Promise<string | null> {
  return choosePath(window, {
    title: 'Open traffic CSV',
    properties: ['openFile'],
    filters: [
      { name: 'CSV files', extensions: ['csv', 'tsv', 'txt'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
}

export function chooseNetworkPath(window: BrowserWindow | null): Promise<string | null> {
  return choosePath(window, {
    title: 'Load road network',
    properties: ['openFile'],
    filters: [
      { name: 'Road networks (JSON, CSV)', extensions: ['json', 'csv', 'txt'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
}

export function chooseRejectedRowsPath(window: BrowserWindow | null): Promise<string | null> {
  return chooseSavePath(window, { title: 'Save rejected rows', defaultPath: 'rejected-rows.csv', filters: [{ name: 'CSV files', extensions: ['csv'] }] });
}

export function chooseSqlExportPath(window: BrowserWindow | null): Promise<string | null> {
  return chooseSavePath(window, { title: 'Export query result', defaultPath: 'query-result.csv', filters: [{ name: 'CSV files', extensions: ['csv'] }] });
}

export function choosePredictExportPath(window: BrowserWindow | null, what: PredictExport): Promise<string | null> {
  const title = what === 'forecasts' ? 'Export forecasts' : 'Export anomalies';
  return chooseSavePath(window, { title, defaultPath: `${what}.csv`, filters: [{ name: 'CSV files', extensions: ['csv'] }] });
}

export function chooseAnalysisExportPath(window: BrowserWindow | null, what: AnalysisExport): Promise<string | null> {
  const title = what === 'flags' ? 'Export data-quality flags' : 'Export alarms';
  return chooseSavePath(window, { title, defaultPath: `${what}.csv`, filters: [{ name: 'CSV files', extensions: ['csv'] }] });
}
