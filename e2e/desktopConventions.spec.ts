/**
 * What a desktop user expects of the app beyond its panels: Space plays and pauses (but still types
 * in the SQL editor), Ctrl+B and Ctrl+J hide the side column and the dock, a chosen theme overrides
 * the system's, and the layout (what is shown, how wide) survives a reload.
 */
import { expect, test } from './fixtures';
import { SqlPanel } from './pages/sqlPanel';
import { WorkspaceLayout } from './pages/workspaceLayout';

const DARK_BACKGROUND = 'rgb(15, 18, 23)'; // --bg of the dark theme, #0f1217
const LIGHT_BACKGROUND = 'rgb(246, 247, 249)'; // --bg of the light theme, #f6f7f9

test('Space starts, pauses and resumes the replay, and types a space in the SQL editor', async ({ app }) => {
  const layout = new WorkspaceLayout(app.page);
  await app.openSample();
  await app.replay.choosePace(100);
  await layout.focusNothing();

  await app.page.keyboard.press('Space');
  await app.replay.waitForState('running');
  await expect.poll(() => app.replay.rowsReadCount()).toBeGreaterThan(20);

  await app.page.keyboard.press('Space');
  await app.replay.waitForState('paused');
  const held = await app.replay.rowsReadCount();
  await app.page.waitForTimeout(600); // a paused replay must not advance; nothing to wait for
  expect(await app.replay.rowsReadCount()).toBe(held);

  await app.page.keyboard.press('Space');
  await app.replay.waitForState('running');
  await expect.poll(() => app.replay.rowsReadCount()).toBeGreaterThan(held);

  // After a mouse click on Replay, Space pauses, as in a media player, instead of pressing the
  // focused button (now "Restart") again.
  await app.replay.stopButton.click();
  await app.replay.waitForState('stopped');
  await app.replay.replayButton.click();
  await app.replay.waitForState('running');
  await app.page.keyboard.press('Space');
  await app.replay.waitForState('paused');
  await app.page.keyboard.press('Space');
  await app.replay.waitForState('running');

  // In the editor Space is text: the query gets its space and the replay keeps running.
  const sql = new SqlPanel(app.page);
  await sql.open();
  await sql.setQuery('SELECT');
  await sql.editor.press('Space');
  await sql.editor.pressSequentially('1');
  await expect(sql.editor).toHaveText('SELECT 1');
  const typedAt = await app.replay.rowsReadCount();
  await expect(app.replay.state).toHaveText('running');
  await expect.poll(() => app.replay.rowsReadCount()).toBeGreaterThan(typedAt);
  // A button reached from the keyboard keeps its Space: here Stop is pressed, not the replay paused.
  await app.replay.stopButton.focus();
  await app.page.keyboard.press('Space');
  await app.replay.waitForState('stopped');
});

test('Ctrl+B hides the side column and Ctrl+J the dock, and both stay hidden after a reload', async ({ app }) => {
  const layout = new WorkspaceLayout(app.page);
  await app.openSample();
  await layout.focusNothing();
  await expect(app.threshold.region).toBeVisible();
  await expect(layout.sidePanelsToggle).toHaveAttribute('aria-pressed', 'true');
  await expect(layout.sidePanelsToggle).toHaveAttribute('title', 'Side panels (Ctrl+B)');

  await app.page.keyboard.press('Control+B');
  await expect(app.threshold.region).toBeHidden();
  await expect(layout.sidePanelsToggle).toHaveAttribute('aria-pressed', 'false');
  await app.page.keyboard.press('Control+J');
  await expect(layout.dock).toBeHidden();
  await expect(layout.dockToggle).toHaveAttribute('aria-pressed', 'false');
  await expect(app.feed.region).toBeVisible();

  await app.page.reload();
  await expect(app.feed.region).toBeVisible();
  await expect(app.threshold.region).toBeHidden();
  await expect(layout.dock).toBeHidden();
  await expect(layout.sidePanelsToggle).toHaveAttribute('aria-pressed', 'false');
  await expect(layout.dockToggle).toHaveAttribute('aria-pressed', 'false');

  await app.page.keyboard.press('Control+B');
  await expect(app.threshold.region).toBeVisible();
  await expect(layout.sidePanelsToggle).toHaveAttribute('aria-pressed', 'true');
  await app.page.keyboard.press('Control+J');
  await expect(layout.dock).toBeVisible();
  await expect(layout.dockToggle).toHaveAttribute('aria-pressed', 'true');

  // The toolbar buttons do the same for a mouse user.
  await layout.dockToggle.click();
  await expect(layout.dock).toBeHidden();
  await layout.dockToggle.click();
  await expect(layout.dock).toBeVisible();
});

test('a theme chosen in Settings overrides the system theme, System follows it, and the choice survives a reload', async ({ app }) => {
  const layout = new WorkspaceLayout(app.page);
  await app.page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => layout.background()).toBe(LIGHT_BACKGROUND);

  await layout.chooseTheme('Dark');
  await expect.poll(() => layout.background()).toBe(DARK_BACKGROUND);
  await layout.closeSettings();
  await app.page.reload();
  await expect(app.page.getByRole('button', { name: 'Try the sample' })).toBeVisible();
  expect(await layout.background()).toBe(DARK_BACKGROUND);

  await app.page.emulateMedia({ colorScheme: 'dark' });
  await layout.chooseTheme('Light');
  await expect.poll(() => layout.background()).toBe(LIGHT_BACKGROUND);

  await layout.chooseTheme('System');
  await expect.poll(() => layout.background()).toBe(DARK_BACKGROUND);
  await app.page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => layout.background()).toBe(LIGHT_BACKGROUND);

  await layout.chooseTheme('Light');
  await layout.closeSettings();
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.page.reload();
  await expect(app.page.getByRole('button', { name: 'Try the sample' })).toBeVisible();
  expect(await layout.background()).toBe(LIGHT_BACKGROUND);
  await layout.settingsButton.click();
  await layout.settingsDialog.getByRole('tab', { name: 'Appearance' }).click();
  await expect(layout.themeOption('Light')).toBeChecked();
});

test('the width the side column is dragged to survives a reload', async ({ app }) => {
  const layout = new WorkspaceLayout(app.page);
  await app.openSample();
  const before = await layout.sideColumnWidth();
  const saved = (): Promise<string | null> => app.page.evaluate(() => localStorage.getItem('react-resizable-panels:traffic-monitor.layout'));
  // The panels save their first layout a moment after they mount; the drag must change that one.
  await expect.poll(saved).not.toBeNull();
  const savedBefore = await saved();

  await layout.dragSideHandle(150);
  const dragged = await layout.sideColumnWidth();
  expect(dragged).toBeGreaterThan(before + 140);
  expect(dragged).toBeLessThan(before + 160);
  // The panels save their layout a moment after the drag ends.
  await expect.poll(saved).not.toBe(savedBefore);

  await app.page.reload();
  await expect(app.threshold.region).toBeVisible();
  await expect.poll(async () => Math.abs((await layout.sideColumnWidth()) - dragged)).toBeLessThanOrEqual(2);
});

test('the replay pace, its limits and the open analysis tab come back after a reload', async ({ app }) => {
  await app.openSample();
  await app.replay.choosePace(10_000);
  await app.replay.setLimits({ rows: 5000, loop: true });
  const predictions = app.page.getByRole('tab', { name: 'Predictions' });
  await predictions.click();
  await expect(predictions).toHaveAttribute('aria-selected', 'true');

  await app.page.reload();
  await expect(app.replay.pace).toHaveValue('rows:10000');
  await app.replay.limits.locator('summary').click();
  await expect(app.replay.limits.getByRole('spinbutton', { name: 'Stop after rows' })).toHaveValue('5000');
  await expect(app.replay.limits.getByRole('checkbox', { name: 'Loop the file forever' })).toBeChecked();
  await expect(app.page.getByRole('tab', { name: 'Predictions' })).toHaveAttribute('aria-selected', 'true');
});
