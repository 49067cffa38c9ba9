import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.js';

/** Creates a draft position through the form and leaves the page on it; returns its address. */
export async function createPosition(page: Page, title: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Positionen' }).click();
  await page.getByRole('button', { name: 'Neue Position' }).click();
  await page.getByLabel('Titel').fill(title);
  await page.getByRole('button', { name: 'Position anlegen' }).click();
  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** The position's text editor (the contenteditable), once its document is open. */
export function positionText(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Text der Position' });
}

/** The editor's status line ("Alle Änderungen gespeichert." …). */
export function textStatus(page: Page): Locator {
  return page.locator('.collab-status');
}

/** The position's sign-off panel ("Zeichnung"). */
export function signoffPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Zeichnung', exact: true });
}

/** A partner's row in the sign-off table of the panel. */
export function signoffRow(page: Page, partnerName: string): Locator {
  return signoffPanel(page).getByRole('table', { name: 'Zeichnungen der Partner' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: partnerName }) });
}
