/** Page objects: the tests speak in panels and controls, found by role and accessible name. */
import { basename } from 'node:path';
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
  readonly pace: Locator;
  readonly customPace: Locator;
  readonly state: Locator;
  /** "N of TOTAL rows": the file position, the figure the bar draws. */
  readonly rowsRead: Locator;
  readonly replayedSinceSeek: Locator;
  readonly progressBar: Locator;
  readonly rowsPerSecond: Locator;
  readonly reconcile: Locator;
  readonly eventTime: Locator;
  readonly message: Locator;
  readonly seekNotice: Locator;
  readonly scrubber: Locator;
  readonly limits: Locator;
  readonly loopCount: Locator;

  constructor(page: Page) {
    const bar = page.getByRole('region', { name: 'Replay' });
    this.replayButton = bar.getByRole('button', { name: /^(Replay|Restart)$/ });
    this.pauseButton = bar.getByRole('button', { name: 'Pause' });
    this.resumeButton = bar.getByRole('button', { name: 'Resume' });
    this.stopButton = bar.getByRole('button', { name: 'Stop' });
    this.pace = bar.getByRole('combobox', { name: 'Pace' });
    this.customPace = bar.getByRole('spinbutton', { name: /^Custom/ });
    this.state = page.getByTestId('replay-state');
    this.rowsRead = page.getByTestId('rows-read');
    this.replayedSinceSeek = page.getByTestId('replayed-since-seek');
    this.progressBar = bar.getByRole('progressbar', { name: 'Replay progress' });
    this.rowsPerSecond = page.getByTestId('rows-per-second');
    this.reconcile = page.getByTestId('reconcile');
    this.eventTime = page.getByTestId('event-time');
    this.message = page.getByTestId('replay-message');
    this.seekNotice = page.getByTestId('seek-notice');
    this.scrubber = bar.getByRole('slider', { name: /^Seek to/ });
    this.limits = bar.locator('details.limits-control');
    this.loopCount = page.getByTestId('loop-count');
  }

  /** 'max': as fast as possible; a number: that many rows per second; { speed }: the data's clock × speed. */
  async choosePace(pace: 'max' | number | { speed: number }): Promise<void> {
    await this.pace.selectOption(pace === 'max' ? 'fast' : typeof pace === 'number' ? `rows:${pace}` : `event:${pace.speed}`);
  }

  async start(pace: 'max' | number | { speed: number }): Promise<void> {
    await this.choosePace(pace);
    await this.replayButton.click();
  }

  /**
   * Starts another replay after one finished, and waits until the page shows the new run: a small
   * file at full speed may finish before the next view update, so "finished" alone could be the
   * last run's (ReplayProgress.run).
   */
  async startAgain(pace: 'max' | number | { speed: number }): Promise<void> {
    await this.choosePace(pace);
    const before = await this.state.getAttribute('data-run');
    await this.replayButton.click();
    await expect(this.state).not.toHaveAttribute('data-run', before ?? '');
  }

  /** Sets the limits in their popover; null clears one. */
  async setLimits(limits: { seconds?: number | null; rows?: number | null; loop?: boolean }): Promise<void> {
    if (!(await this.limits.evaluate((element) => (element as HTMLDetailsElement).open))) await this.limits.locator('summary').click();
    if (limits.seconds !== undefined) await this.limits.getByRole('spinbutton', { name: 'Stop after seconds' }).fill(limits.seconds === null ? '' : String(limits.seconds));
    if (limits.rows !== undefined) await this.limits.getByRole('spinbutton', { name: 'Stop after rows' }).fill(limits.rows === null ? '' : String(limits.rows));
    if (limits.loop !== undefined) await this.limits.getByRole('checkbox', { name: 'Loop the file forever' }).setChecked(limits.loop);
  }

  /** Event time shown as "YYYY-MM-DD HH:mm:ss" (UTC wall clock), as epoch ms. */
  async eventTimeMs(): Promise<number> {
    const text = (await this.eventTime.textContent()) ?? '';
    return Date.parse(`${text.replace(' ', 'T')}Z`);
  }

  async waitForState(state: string, timeout = 30_000): Promise<void> {
    await expect(this.state).toHaveText(state, { timeout });
  }

  /** The file position ("N" of "N of TOTAL"); equal to the rows read unless the run was a seek. */
  async rowsReadCount(): Promise<number> {
    return parseCount((await this.rowsRead.textContent())?.split(' of ')[0] ?? '');
  }

  /** Rows replayed since the seek ("· N replayed since the seek"). */
  async replayedSinceSeekCount(): Promise<number> {
    return parseCount((await this.replayedSinceSeek.textContent())?.split(' replayed')[0] ?? '');
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

  /** The feed's column headers, in the order shown. */
  headers(): Promise<string[]> {
    return this.table.getByRole('columnheader').allTextContents();
  }

  /** The visible rows' values in the column with this header, top to bottom (columns can be reordered, so found by name). */
  async cells(header: string): Promise<string[]> {
    const index = (await this.headers()).indexOf(header);
    if (index === -1) throw new Error(`the feed shows no column "${header}"`);
    return this.rows.locator(`[role="cell"]:nth-child(${index + 1})`).allTextContents();
  }

  /** Line numbers of the visible rows, top to bottom. */
  async visibleLines(): Promise<number[]> {
    return (await this.cells('Line')).map((text) => parseCount(text));
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

  /** Uploads a file through the browser's file picker, as a user of the web host would; returns at once. */
  async uploadFile(path: string): Promise<void> {
    await this.page.getByLabel('CSV file to upload').setInputFiles(path);
  }

  /**
   * Uploads a file that opens, and waits until the toolbar names it: a Replay pressed earlier would
   * still replay the file before it.
   */
  async openFile(path: string): Promise<void> {
    await this.uploadFile(path);
    await expect(this.page.getByTestId('file-name')).toHaveText(basename(path));
  }

  columnType(name: string): Locator {
    return this.columns.getByRole('row', { name: new RegExp(`^${name} `) }).getByRole('cell').nth(1);
  }

  columnRole(name: string): Locator {
    return this.columns.getByRole('row', { name: new RegExp(`^${name} `) }).getByRole('cell').nth(2);
  }
}
