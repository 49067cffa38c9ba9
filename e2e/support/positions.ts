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

/** Links an initiative to the position open on the page, through its "Betroffene Initiativen" form (P4). */
export async function linkCard(page: Page, cardTitle: string): Promise<void> {
  await page.getByLabel('Initiative verknüpfen').selectOption({ label: cardTitle });
  await page.getByRole('button', { name: 'Verknüpfen', exact: true }).click();
  await expect(page.getByRole('button', { name: `Auf dem Board öffnen: ${cardTitle}` })).toBeVisible();
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

/** Selects the first occurrence of `text` in the position's text (across marks), as a person dragging over it would. */
export async function selectInText(page: Page, text: string): Promise<void> {
  await positionText(page).click();
  await positionText(page).evaluate((root, needle) => {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const whole = nodes.map((n) => n.data).join('');
    const at = whole.indexOf(needle);
    if (at < 0) throw new Error(`"${needle}" is not in the text`);
    const place = (offset: number): [Text, number] => {
      let seen = 0;
      for (const node of nodes) {
        if (offset <= seen + node.data.length) return [node, offset - seen];
        seen += node.data.length;
      }
      throw new Error('past the end');
    };
    const range = document.createRange();
    range.setStart(...place(at));
    range.setEnd(...place(at + needle.length));
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  }, text);
}
