/**
 * Page object for the workspace's layout and look: the toolbar's panel toggles, the side column and
 * the analysis dock they hide, the resize handle between the columns, and Settings → Appearance.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export type ThemeChoice = 'System' | 'Light' | 'Dark';

export class WorkspaceLayout {
  readonly sidePanelsToggle: Locator;
  readonly dockToggle: Locator;
  readonly sideColumn: Locator;
  readonly dock: Locator;
  readonly sideResizeHandle: Locator;
  readonly settingsButton: Locator;
  readonly settingsDialog: Locator;

  constructor(readonly page: Page) {
    const toggles = page.getByRole('group', { name: 'Panels' });
    this.sidePanelsToggle = toggles.getByRole('button', { name: 'Side panels' });
    this.dockToggle = toggles.getByRole('button', { name: 'Analysis dock' });
    this.sideColumn = page.getByTestId('side-column');
    this.dock = page.getByRole('tablist', { name: 'Analysis' });
    this.sideResizeHandle = page.getByRole('separator', { name: 'Resize panels' });
    this.settingsButton = page.getByTestId('settings-button');
    this.settingsDialog = page.getByRole('dialog', { name: 'Settings' });
  }

  /**
   * Clicks a spot that takes no keys (the Live Feed's heading), as a user does before a shortcut:
   * a focused button or field keeps Space for itself.
   */
  async focusNothing(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Live Feed' }).click();
  }

  /** The computed background of the page, e.g. 'rgb(15, 18, 23)'. */
  background(): Promise<string> {
    return this.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  }

  /** Settings → Appearance → Theme. Leaves the dialog open. */
  async chooseTheme(theme: ThemeChoice): Promise<void> {
    if (!(await this.settingsDialog.isVisible())) await this.settingsButton.click();
    await this.settingsDialog.getByRole('tab', { name: 'Appearance' }).click();
    await this.themeOption(theme).check();
  }

  themeOption(theme: ThemeChoice): Locator {
    return this.settingsDialog.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: theme, exact: true });
  }

  async closeSettings(): Promise<void> {
    await this.settingsDialog.getByRole('button', { name: 'Close' }).click();
    await expect(this.settingsDialog).toBeHidden();
  }

  async sideColumnWidth(): Promise<number> {
    const box = await this.sideColumn.boundingBox();
    if (!box) throw new Error('side column not visible');
    return box.width;
  }

  /** Drags the handle between the side column and the main column sideways by `dx` pixels. */
  async dragSideHandle(dx: number): Promise<void> {
    const box = await this.sideResizeHandle.boundingBox();
    if (!box) throw new Error('resize handle not visible');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y, { steps: 10 });
    await this.page.mouse.up();
  }
}
