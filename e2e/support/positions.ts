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
