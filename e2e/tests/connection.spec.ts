import type { Page } from '@playwright/test';
import { test, expect, signIn } from '../support/fixtures.js';
import { PEOPLE, card, cardDialog, column, connectionStatus, createCard, expectConnected, openCard, uniqueTitle } from '../support/board.js';

/** Records every text the connection status shows, so short-lived states are not missed. */
async function recordStatus(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const target = document.querySelector('[role="status"][aria-label="Verbindungsstatus"]');
    const seen: string[] = [target?.textContent ?? ''];
    (window as unknown as { __statusSeen: string[] }).__statusSeen = seen;
    new MutationObserver(() => seen.push(target?.textContent ?? '')).observe(target as Node, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __statusSeen: string[] }).__statusSeen);
}

test('an edit made offline is sent once the connection is back, and the other partner sees it exactly once', async ({ browser, server }) => {
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const lena = await signIn(browser, server, PEOPLE.lena.email);
  const title = uniqueTitle('Offline-Test');
  const renamed = `${title} – offline geändert`;
  const comment = `Offline geschrieben ${Date.now()}`;
  await createCard(anna, title);
  await expect(card(column(lena, 'Basisdienste'), title)).toBeVisible();
  const dialog = await openCard(anna, title);

  await anna.context().setOffline(true);
  await expect(connectionStatus(anna)).toContainText('Offline – Änderungen werden gesendet, sobald die Verbindung zurück ist');

  await dialog.getByLabel('Titel', { exact: true }).fill(renamed);
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  const offlineDialog = cardDialog(anna, renamed);
  await offlineDialog.getByRole('textbox', { name: 'Neuer Kommentar' }).fill(comment);
  await offlineDialog.getByRole('button', { name: 'Kommentieren' }).click();
  // Shown at once to Anna, waiting to be sent.
  await expect(offlineDialog.getByText(comment)).toBeVisible();
  await expect(connectionStatus(anna)).toContainText('2 Änderungen warten');
  await expect(card(column(lena, 'Basisdienste'), title)).toBeVisible();
  await expect(card(lena, renamed)).toHaveCount(0);

  await anna.context().setOffline(false);
  await expectConnected(anna);
  await expect(connectionStatus(anna)).not.toContainText('wart');

  await expect(card(column(lena, 'Basisdienste'), renamed)).toBeVisible();
  const lenaDialog = await openCard(lena, renamed);
  await expect(lenaDialog.getByRole('listitem').filter({ hasText: comment })).toHaveCount(1);
  await expect(lenaDialog.getByText('hat kommentiert')).toHaveCount(1);

  // Still exactly once after a reload (i.e. on the server), for both.
  for (const page of [lena, anna]) {
    await page.reload();
    await expectConnected(page);
    await expect(card(page, renamed)).toHaveCount(1);
    const reopened = await openCard(page, renamed);
    await expect(reopened.getByRole('listitem').filter({ hasText: comment })).toHaveCount(1);
  }
});

test('the connection status shows the server going away and coming back, and nothing is lost', async ({ browser, server }) => {
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const lena = await signIn(browser, server, PEOPLE.lena.email);
  const title = uniqueTitle('Neustart-Test');
  await createCard(anna, title, { area: 'Fachverfahren' });
  await expect(card(column(lena, 'Fachverfahren'), title)).toBeVisible();
  const seen = await recordStatus(anna);

  // The process is killed (no graceful shutdown) and started again on the same data.
  await server.restart({ hard: true });
  await expectConnected(anna);
  expect(await seen()).toContain('Verbindung wird wiederhergestellt …');
  await expectConnected(lena);

  // Live again in both directions, with the card created before the crash.
  const dialog = await openCard(lena, title);
  await dialog.getByRole('textbox', { name: 'Neuer Kommentar' }).fill('Nach dem Absturz');
  await dialog.getByRole('button', { name: 'Kommentieren' }).click();
  const annaDialog = await openCard(anna, title);
  await expect(annaDialog.getByRole('listitem').filter({ hasText: 'Nach dem Absturz' })).toHaveCount(1);
});
