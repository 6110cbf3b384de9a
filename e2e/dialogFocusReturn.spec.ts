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

/** Opens the dialog from its button by keyboard, closes it by Escape and then by its own button; focus is back on the opener each time. */
async function expectFocusReturns(button: Locator, dialog: Locator, closeButton: string): Promise<void> {
  await openWithKeyboard(button);
  await expect(dialog).toBeVisible();
  await button.page().keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  await openWithKeyboard(button);
  await dialog.getByRole('button', { name: closeButton }).click();
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
}

test.describe('Dialogs give focus back to the button that opened them', () => {
  test('Edit roles…, closed by Escape and by Cancel', async ({ app }) => {
    await app.openSample();
    await expectFocusReturns(app.page.getByRole('button', { name: 'Edit roles…' }), app.page.getByRole('dialog', { name: 'Column roles' }), 'Cancel');
  });

  test('Settings, closed by Escape and by Close', async ({ app }) => {
    await expectFocusReturns(app.page.getByRole('button', { name: 'Settings', exact: true }), app.page.getByRole('dialog', { name: 'Settings' }), 'Close');
  });
});
