/** Page objects: the tests speak in panels and controls, found by role and accessible name. */
import { expect, type Locator, type Page } from '@playwright/test';

/** "12,345" → 12345 */
export function parseCount(text: string | null): number {
  return Number((text ?? '').replace(/[^\d.]/g, ''));
}

export class ReplayBar {
  readonly replayButton: Locator;
  readonly pauseButton: Locator;
  readonly resumeButton: Locator;
  readonly stopButton: Locator;
  readonly rate: Locator;
  readonly state: Locator;
  readonly rowsRead: Locator;
  readonly reconcile: Locator;

  constructor(page: Page) {
    const bar = page.getByRole('region', { name: 'Replay' });
    this.replayButton = bar.getByRole('button', { name: /^(Replay|Restart)$/ });
    this.pauseButton = bar.getByRole('button', { name: 'Pause' });
    this.resumeButton = bar.getByRole('button', { name: 'Resume' });
    this.stopButton = bar.getByRole('button', { name: 'Stop' });
    this.rate = bar.getByRole('combobox', { name: 'Rate' });
    this.state = page.getByTestId('replay-state');
    this.rowsRead = page.getByTestId('rows-read');
    this.reconcile = page.getByTestId('reconcile');
  }

  async start(rate: 'max' | number): Promise<void> {
    await this.rate.selectOption(String(rate));
    await this.replayButton.click();
  }

  async waitForState(state: string, timeout = 30_000): Promise<void> {
    await expect(this.state).toHaveText(state, { timeout });
  }

  async rowsReadCount(): Promise<number> {
    return parseCount((await this.rowsRead.textContent())?.split(' of ')[0] ?? '');
  }

  /** Parses "read R = accepted A + rejected J". */
  async counts(): Promise<{ read: number; accepted: number; rejected: number }> {
    const text = (await this.reconcile.textContent()) ?? '';
    const match = /read ([\d,]+) = accepted ([\d,]+) \+ rejected ([\d,]+)/.exec(text);
    if (!match) throw new Error(`unexpected reconcile text: ${text}`);
    return { read: parseCount(match[1] ?? ''), accepted: parseCount(match[2] ?? ''), rejected: parseCount(match[3] ?? '') };
  }
}

export class ThresholdPanel {
  readonly region: Locator;
  readonly column: Locator;
  readonly operator: Locator;
  readonly slider: Locator;
  readonly value: Locator;
  readonly passing: Locator;
  readonly evaluated: Locator;

  constructor(page: Page) {
    this.region = page.getByRole('region', { name: 'Threshold' });
    this.column = this.region.getByRole('combobox', { name: 'Column' });
    this.operator = this.region.getByRole('combobox', { name: 'Operator' });
    this.slider = this.region.getByRole('slider', { name: 'Threshold slider' });
    this.value = this.region.getByRole('spinbutton', { name: 'Threshold value' });
    this.passing = page.getByTestId('passing-count');
    this.evaluated = page.getByTestId('evaluated-count');
  }

  async passingCount(): Promise<number> {
    return parseCount(await this.passing.textContent());
  }

  /** Drags the slider thumb with the mouse to a fraction of its width. */
  async dragTo(fraction: number): Promise<void> {
    const box = await this.slider.boundingBox();
    if (!box) throw new Error('slider not visible');
    const value = Number(await this.slider.inputValue());
    const min = Number(await this.slider.getAttribute('min'));
    const max = Number(await this.slider.getAttribute('max'));
    const y = box.y + box.height / 2;
    const page = this.slider.page();
    await page.mouse.move(box.x + ((value - min) / (max - min)) * box.width, y);
    await page.mouse.down();
    await page.mouse.move(box.x + fraction * box.width, y, { steps: 8 });
    await page.mouse.up();
  }
}

export class LiveFeed {
  readonly region: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly onlyPassing: Locator;
  readonly resumeFollow: Locator;
  readonly scroller: Locator;

  constructor(page: Page) {
    this.region = page.getByRole('region', { name: 'Live Feed' });
    this.table = this.region.getByRole('table', { name: 'Live feed' });
    this.rows = this.table.locator('[role="row"][aria-rowindex]');
    this.onlyPassing = this.region.getByRole('checkbox', { name: 'Only rows that pass' });
    this.resumeFollow = this.region.getByRole('button', { name: /Resume auto-follow/ });
    this.scroller = page.getByTestId('feed-scroll');
  }

  /** Line numbers of the visible rows, top to bottom. */
  async visibleLines(): Promise<number[]> {
    const cells = await this.rows.locator('[role="cell"]:first-child').allTextContents();
    return cells.map((text) => parseCount(text));
  }
}

export class RejectedPanel {
  readonly region: Locator;
  readonly total: Locator;
  readonly table: Locator;

  constructor(page: Page) {
    this.region = page.getByRole('region', { name: /Rejected rows/ });
    this.total = page.getByTestId('rejected-total');
    this.table = this.region.getByRole('table', { name: 'Rejected rows' });
  }
}

export class TrafficMonitorPage {
  readonly replay: ReplayBar;
  readonly threshold: ThresholdPanel;
  readonly feed: LiveFeed;
  readonly rejected: RejectedPanel;
  readonly columns: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.replay = new ReplayBar(page);
    this.threshold = new ThresholdPanel(page);
    this.feed = new LiveFeed(page);
    this.rejected = new RejectedPanel(page);
    this.columns = page.getByRole('table', { name: 'Inferred columns' });
    this.error = page.locator('.error-banner[role="alert"]');
  }

  async openSample(): Promise<void> {
    await this.page.getByRole('button', { name: 'Try the sample' }).click();
    await expect(this.columns).toBeVisible();
  }

  /** Uploads a file through the browser's file picker, as a user of the web host would. */
  async openFile(path: string): Promise<void> {
    await this.page.getByLabel('CSV file to upload').setInputFiles(path);
  }

  columnType(name: string): Locator {
    return this.columns.getByRole('row', { name: new RegExp(`^${name} `) }).getByRole('cell').nth(1);
  }
}
