/** The Data quality and Profiles tabs of the analysis dock. */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { parseCount } from './trafficMonitorPage';

export interface FlagRow {
  time: string;
  location: string;
  check: string;
  evidence: string;
}

/** An alarm as the Alarms table lists it: start and end as shown ("2026-10-16 07:30"; end "active" while it is). */
export interface AlarmRow {
  start: string;
  end: string;
  location: string;
}

export class DataQualityPanel {
  readonly tab: Locator;
  readonly region: Locator;
  readonly rowsChecked: Locator;
  readonly locationCount: Locator;
  readonly flagCount: Locator;
  readonly noFlags: Locator;
  readonly locations: Locator;
  readonly flags: Locator;
  readonly alarms: Locator;
  readonly alarmCount: Locator;
  readonly exportFlags: Locator;
  readonly exportAlarms: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'Data quality' });
    this.region = page.getByRole('region', { name: 'Data quality' });
    this.rowsChecked = this.region.getByTestId('quality-rows-checked');
    this.locationCount = this.region.getByTestId('quality-location-count');
    this.flagCount = this.region.getByTestId('quality-flag-count');
    this.noFlags = this.region.getByTestId('quality-no-flags');
    this.locations = this.region.getByRole('table', { name: 'Location status' });
    this.flags = this.region.getByRole('table', { name: 'Flags' });
    this.alarms = this.region.getByRole('table', { name: 'Alarms' });
    this.alarmCount = this.region.getByTestId('quality-alarm-count');
    this.exportFlags = this.region.getByRole('button', { name: 'Export flags CSV' });
    this.exportAlarms = this.region.getByRole('button', { name: 'Export alarms CSV' });
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.region).toBeVisible();
  }

  async rowsCheckedCount(): Promise<number> {
    return parseCount(await this.rowsChecked.textContent());
  }

  async flagsRaised(): Promise<number> {
    return parseCount(await this.flagCount.textContent());
  }

  /** Location → [status, flags] as the table shows them. */
  async locationStatuses(): Promise<Map<string, { status: string; flags: number }>> {
    const rows = await this.locations.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '');
        return [cells[0] ?? '', cells[1] ?? '', cells[5] ?? ''] as const;
      }),
    );
    return new Map(rows.map(([location, status, flags]) => [location, { status, flags: parseCount(flags) }]));
  }

  async flagRows(): Promise<FlagRow[]> {
    return this.flags.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '');
        return { time: cells[0] ?? '', location: cells[1] ?? '', check: cells[2] ?? '', evidence: cells[3] ?? '' };
      }),
    );
  }

  async alarmRows(): Promise<AlarmRow[]> {
    return this.alarms.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '');
        return { start: cells[0] ?? '', end: cells[1] ?? '', location: cells[2] ?? '' };
      }),
    );
  }

  /** Clicks an export button and resolves to the downloaded file's name and text. */
  async download(button: Locator): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
  }
}

export class ProfilesPanel {
  readonly tab: Locator;
  readonly region: Locator;
  readonly heatmap: Locator;
  readonly heatmapLocation: Locator;
  readonly typicalLocation: Locator;
  readonly typicalChart: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'Profiles' });
    this.region = page.getByRole('region', { name: 'Profiles' });
    this.heatmap = this.region.getByRole('table', { name: /^Heatmap/ });
    this.heatmapLocation = this.region.getByLabel('Heatmap location');
    this.typicalLocation = this.region.getByLabel('Typical-day location');
    this.typicalChart = this.region.getByTestId('typical-day-chart');
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.region).toBeVisible();
  }

  /** The heatmap cell of a weekday (0 = Monday) and a bin. */
  cell(day: number, bin: number): Locator {
    return this.heatmap.locator(`td[data-day="${day}"][data-bin="${bin}"]`);
  }

  /** Cells with at least one reading. */
  filledCells(): Locator {
    return this.heatmap.locator('td[data-mean]:not([data-mean=""])');
  }
}
