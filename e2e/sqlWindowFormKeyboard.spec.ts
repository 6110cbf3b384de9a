/**
 * The SQL panel's "New window…" form by keyboard alone: the button gives way to the form, so focus
 * has to move into it (it fell to <body>), Escape closes it as it closes every popover, and closing
 * it, creating a window or dropping one puts focus back on "New window…".
 */
import { expect, test } from './fixtures';
import { SqlWindows } from './pages/sqlConsoleWindows';

test('declare, cancel and drop a window without the mouse', async ({ app }) => {
  await app.openSample();
  await app.page.getByRole('tab', { name: 'SQL' }).click();
  const windows = new SqlWindows(app.page);
  const keyboard = app.page.keyboard;

  await windows.newButton.focus();
  await keyboard.press('Enter');
  const name = windows.form.getByRole('textbox', { name: 'Window name' });
  await expect(name).toBeFocused();
  await keyboard.press('Escape');
  await expect(windows.form).toBeHidden();
  await expect(windows.newButton).toBeFocused();

  await keyboard.press('Enter');
  await expect(name).toBeFocused();
  await name.fill('by_hour');
  await windows.form.getByRole('spinbutton', { name: 'Window size' }).focus();
  await keyboard.press('Enter');
  await expect(windows.row('by_hour')).toBeVisible();
  await expect(windows.form).toBeHidden();
  await expect(windows.newButton).toBeFocused();

  await windows.row('by_hour').getByRole('button', { name: 'Drop window by_hour' }).focus();
  await keyboard.press('Enter');
  await expect(windows.row('by_hour')).toHaveCount(0);
  await expect(windows.newButton).toBeFocused();
});
