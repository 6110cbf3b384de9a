/**
 * Page object for the SQL panel's Windows section: the list of declared windows, the
 * "New window…" form and each window's Drop button.
 */
import type { Locator, Page } from '@playwright/test';
import { parseCount } from './trafficMonitorPage';

export class SqlWindows {
  readonly region: Locator;
  readonly newButton: Locator;
  readonly form: Locator;
  readonly formError: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('tabpanel', { name: 'SQL' }).getByRole('region', { name: 'Windows' });
    this.newButton = this.region.getByRole('button', { name: 'New window…' });
    this.form = this.region.getByRole('form', { name: 'New window' });
    this.formError = this.region.getByTestId('window-form-error');
    this.rows = this.region.getByTestId('window-row');
  }

  row(name: string): Locator {
    return this.region.locator(`[data-testid="window-row"][data-name="${name}"]`);
  }

  /** Fills the form for a hopping or tumbling window and presses Create. */
  async create(spec: { name: string; size: number; sizeUnit: string; hop?: { every: number; unit: string } }): Promise<void> {
    await this.newButton.click();
    await this.form.getByRole('textbox', { name: 'Window name' }).fill(spec.name);
    await this.form.getByRole('combobox', { name: 'Window kind' }).selectOption(spec.hop ? 'hop' : 'tumble');
    await this.form.getByRole('spinbutton', { name: 'Window size' }).fill(String(spec.size));
    await this.form.getByRole('combobox', { name: 'Window size unit' }).selectOption(spec.sizeUnit);
    if (spec.hop) {
      await this.form.getByRole('spinbutton', { name: 'Hop' }).fill(String(spec.hop.every));
      await this.form.getByRole('combobox', { name: 'Hop unit' }).selectOption(spec.hop.unit);
    }
    await this.form.getByRole('button', { name: 'Create' }).click();
  }

  /** Rows a window has emitted, from its row in the list. */
  async rowsEmitted(name: string): Promise<number> {
    return parseCount((await this.row(name).getByTestId('window-rows').textContent()) ?? '');
  }
}
