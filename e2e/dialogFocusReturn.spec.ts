/**
 * Keyboard use of the modal dialogs: a dialog opened from a button gives focus back to that button
 * when it closes, by Escape or by its own Cancel/Close, so a keyboard user carries on where they
 * were instead of from the top of the page (focus fell to <body>).
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

async function openWithKeyboard(button: Locator): Promise<void> {
  await button.focus();
  await button.page().keyboard.press('Enter');
}

test.describe('Dialogs give focus back to the button that opened them', () => {
  test('Edit roles…, closed by Escape and by Cancel', async ({ app }) => {
    await app.openSample();
    const button = app.page.getByRole('button', { name: 'Edit roles…' });
    const dialog = app.page.getByRole('dialog', { name: 'Column roles' });

    await openWithKeyboard(button);
    await expect(dialog).toBeVisible();
    await app.page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();

    await openWithKeyboard(button);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });

  test('Settings, closed by Escape and by Close', async ({ app }) => {
    const button = app.page.getByRole('button', { name: 'Settings', exact: true });
    const dialog = app.page.getByRole('dialog', { name: 'Settings' });

    await openWithKeyboard(button);
    await expect(dialog).toBeVisible();
    await app.page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();

    await openWithKeyboard(button);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });
});
