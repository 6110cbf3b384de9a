/**
 * Page object for the SQL console in the dock under the Live Feed: the editor (CodeMirror), its
 * buttons, the live table's status line, messages, the result grid and the chart.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { parseCount } from './trafficMonitorPage';

export class SqlPanel {
  readonly tab: Locator;
  readonly region: Locator;
  readonly editor: Locator;
  readonly runButton: Locator;
  readonly cancelButton: Locator;
  readonly liveButton: Locator;
  readonly chartButton: Locator;
  readonly exportButton: Locator;
  readonly tableStatus: Locator;
  readonly summary: Locator;
  readonly liveAge: Locator;
  readonly error: Locator;
  readonly message: Locator;
  readonly errorMark: Locator;
  readonly completions: Locator;
  readonly grid: Locator;
  readonly headers: Locator;
  readonly rows: Locator;
  readonly chart: Locator;
  readonly chartType: Locator;
  readonly settings: Locator;
  readonly gridScroller: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'SQL' });
    this.region = page.getByRole('tabpanel', { name: 'SQL' });
    this.editor = this.region.getByRole('textbox', { name: 'SQL editor' });
    const toolbar = this.region.getByRole('toolbar', { name: 'SQL actions' });
    this.runButton = toolbar.getByRole('button', { name: 'Run', exact: true });
    this.cancelButton = toolbar.getByRole('button', { name: 'Cancel' });
    this.liveButton = toolbar.getByRole('button', { name: 'Live' });
    this.chartButton = toolbar.getByRole('button', { name: 'Chart' });
    this.exportButton = toolbar.getByRole('button', { name: 'Export CSV' });
    this.tableStatus = page.getByTestId('sql-table-status');
    this.summary = page.getByTestId('sql-result-summary');
    this.liveAge = page.getByTestId('sql-live-age');
    this.error = page.getByTestId('sql-error');
    this.message = page.getByTestId('sql-message');
    this.errorMark = this.region.locator('.cm-sql-error');
    this.completions = page.locator('.cm-tooltip-autocomplete [role="option"]');
    this.grid = this.region.getByRole('table', { name: 'Query result' });
    this.headers = this.grid.getByRole('columnheader');
    this.rows = this.grid.locator('[role="row"][aria-rowindex]');
    this.chart = page.getByTestId('sql-chart');
    this.chartType = this.region.getByRole('combobox', { name: 'Chart type' });
    this.settings = this.region.locator('details.sql-settings');
    this.gridScroller = page.getByTestId('sql-grid-scroll');
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.region).toBeVisible();
  }

  /** Opens the table settings popover, sets the query timeout and applies it. */
  async setTimeoutSeconds(seconds: number): Promise<void> {
    await this.settings.locator('summary').click();
    await this.settings.getByRole('spinbutton', { name: 'Query timeout seconds' }).fill(String(seconds));
    await this.settings.getByRole('button', { name: 'Apply' }).click();
    // The popover closes once the engine accepted the settings.
    await expect(this.settings.getByRole('button', { name: 'Apply' })).toBeHidden();
  }

  /** Rows the live table holds, from its status line. */
  async rowsHeld(): Promise<number> {
    const text = (await this.tableStatus.textContent()) ?? '';
    const match = /([\d,]+) rows held/.exec(text);
    return match ? parseCount(match[1] ?? '') : 0;
  }

  /**
   * Replaces the editor's text (fill selects everything and types over it). Focus rather than a
   * click: an open completion list may cover the middle of the editor.
   */
  async setQuery(sql: string): Promise<void> {
    await this.editor.focus();
    await this.editor.fill(sql);
    await this.closeCompletions();
  }

  /** Escape closes a completion list; with none open it changes nothing. */
  async closeCompletions(): Promise<void> {
    await this.editor.press('Escape');
    await expect(this.completions).toHaveCount(0);
  }

  /** Runs with the keyboard shortcut, like a user in the editor. */
  async runWithShortcut(): Promise<void> {
    await this.editor.press('Control+Enter');
  }

  /** The text of the first result row's cell under a header (the row number column is skipped). */
  async cell(row: number, column: string): Promise<string> {
    const names = await this.headers.allTextContents();
    const index = names.indexOf(column);
    if (index < 0) throw new Error(`no column ${column} in ${names.join(', ')}`);
    return (await this.rows.nth(row).getByRole('cell').nth(index).textContent()) ?? '';
  }

  async number(row: number, column: string): Promise<number> {
    return parseCount(await this.cell(row, column));
  }

  /** A result row by its position in the result (0-based), once the grid has rendered it. */
  row(index: number): Locator {
    return this.grid.locator(`[role="row"][aria-rowindex="${index + 2}"]`);
  }

  /** The drawn marks of the chart: bar rectangles or line paths. */
  chartMarks(kind: 'bar' | 'line'): Locator {
    return this.chart.locator(kind === 'bar' ? 'svg .recharts-bar-rectangle path' : 'svg path.recharts-line-curve');
  }
}
