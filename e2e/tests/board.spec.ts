import { test, expect, signIn } from '../support/fixtures.js';
import { PEOPLE, WORKSPACE_NAME, card, cardDialog, column, createCard, openCard, uniqueTitle } from '../support/board.js';

test('wrong password is refused with a message; the right one opens the workspace', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
  await page.getByLabel('E-Mail').fill(PEOPLE.anna.email);
  await page.getByLabel('Passwort').fill('falsch');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('alert')).toHaveText('E-Mail oder Passwort ist nicht korrekt.');
  await page.getByLabel('Passwort').fill('verbund-demo');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(WORKSPACE_NAME);
  await expect(page.getByRole('heading', { name: 'Initiativen' })).toBeVisible();
  // Signing out goes back to the sign-in page, and a reload does not bring the session back.
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
});

test('archive and restore a card, seen live by the other partner', async ({ browser, server }) => {
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const lena = await signIn(browser, server, PEOPLE.lena.email);
  const title = uniqueTitle('Archiv-Test');
  await createCard(anna, title, { area: 'Schnittstellen' });
  const lenaCard = card(column(lena, 'Schnittstellen'), title);
  await expect(lenaCard).toBeVisible();

  const dialog = await openCard(anna, title);
  await dialog.getByRole('button', { name: 'Archivieren' }).click();
  await expect(dialog.getByText('Diese Initiative ist archiviert.')).toBeVisible();
  await expect(anna.getByTestId('announcer')).toHaveText(`„${title}“ archiviert.`);
  await dialog.getByRole('button', { name: 'Schließen' }).click();
  await expect(card(anna, title)).toHaveCount(0);
  await expect(lenaCard).toHaveCount(0);

  // Lena shows archived cards: it is there, marked as archived.
  await lena.getByRole('checkbox', { name: 'Archivierte anzeigen' }).check();
  await expect(lenaCard).toBeVisible();
  await expect(lenaCard).toContainText('Archiviert');

  // She restores it; Anna (not showing archived cards) gets it back.
  const lenaDialog = await openCard(lena, title);
  await lenaDialog.getByRole('button', { name: 'Wiederherstellen' }).click();
  await expect(lenaDialog.getByRole('button', { name: 'Archivieren' })).toBeVisible();
  await expect(lenaDialog.getByText('Diese Initiative ist archiviert.')).toHaveCount(0);
  await lenaDialog.getByRole('button', { name: 'Schließen' }).click();
  await expect(lenaCard).not.toContainText('Archiviert');
  await expect(card(column(anna, 'Schnittstellen'), title)).toBeVisible();
  const history = await openCard(anna, title);
  await expect(history.getByText('hat archiviert')).toBeVisible();
  await expect(history.getByText('hat wiederhergestellt')).toBeVisible();
});

test('full-text filter, status view and reset', async ({ browser, server }) => {
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const title = uniqueTitle('Filter-Test Kfz-Zulassung');
  await createCard(anna, title, { area: 'Online-Dienste', status: 'In Prüfung' });
  const servicekonto = card(anna, 'Gemeinsames Servicekonto für alle Partner');
  await expect(servicekonto).toBeVisible();

  await anna.getByLabel('Volltextsuche').fill(title.slice(0, 30).toLowerCase());
  await expect(card(anna, title)).toBeVisible();
  await expect(servicekonto).toHaveCount(0);
  await expect(anna.getByRole('button', { name: /^/ }).filter({ has: anna.locator('.card-title') })).toHaveCount(1);

  // The same filter holds in the status view, where the card sits under "In Prüfung".
  await anna.getByRole('button', { name: 'Nach Status' }).click();
  await expect(anna.getByRole('button', { name: 'Nach Status' })).toHaveAttribute('aria-pressed', 'true');
  await expect(anna.getByRole('button', { name: 'Nach Bereich' })).toHaveAttribute('aria-pressed', 'false');
  await expect(card(column(anna, 'In Prüfung'), title)).toBeVisible();
  await expect(column(anna, 'Basisdienste')).toHaveCount(0);

  await anna.getByRole('button', { name: 'Filter zurücksetzen' }).click();
  await expect(anna.getByLabel('Volltextsuche')).toHaveValue('');
  await expect(servicekonto).toBeVisible();
  await expect(anna.getByRole('button', { name: 'Filter zurücksetzen' })).toHaveCount(0);

  // Something nobody wrote finds nothing.
  await anna.getByLabel('Volltextsuche').fill('xyzzy-nicht-vorhanden');
  await expect(anna.locator('.card-title')).toHaveCount(0);
});

test('switching to English and back', async ({ browser, server }) => {
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  await anna.getByRole('button', { name: 'Switch to English' }).click();
  await expect(anna.getByRole('heading', { name: 'Initiatives' })).toBeVisible();
  await expect(anna.getByRole('button', { name: 'By area' })).toHaveAttribute('aria-pressed', 'true');
  await expect(anna.getByRole('status', { name: 'Connection status' })).toContainText('Connected');
  await expect(anna.locator('html')).toHaveAttribute('lang', 'en');
  // Content stays as written: the card titles and the workspace name are not translated.
  await expect(anna.getByRole('heading', { level: 1 })).toHaveText(WORKSPACE_NAME);
  await expect(card(anna, 'Gemeinsames Servicekonto für alle Partner')).toBeVisible();
  // The choice survives a reload.
  await anna.reload();
  await expect(anna.getByRole('heading', { name: 'Initiatives' })).toBeVisible();
  await anna.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
  await expect(anna.getByRole('heading', { name: 'Initiativen' })).toBeVisible();
  await expect(anna.locator('html')).toHaveAttribute('lang', 'de');
});

test('a link must be a web address; a javascript: link is refused', async ({ browser, server }) => {
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const title = uniqueTitle('Link-Test');
  await createCard(anna, title);
  const dialog = await openCard(anna, title);
  await dialog.getByRole('button', { name: 'Link hinzufügen' }).click();
  await dialog.getByLabel('Adresse (URL) von Link 1').fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog.getByRole('form', { name: 'Angaben' }).getByRole('alert')).toContainText('Link 1: Bitte eine Adresse angeben, die mit http:// oder https:// beginnt.');
  await expect(dialog.getByRole('link')).toHaveCount(0);
  await dialog.getByLabel('Adresse (URL) von Link 1').fill('https://www.onlinezugangsgesetz.de/');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(cardDialog(anna, title).getByRole('link', { name: 'https://www.onlinezugangsgesetz.de/' })).toBeVisible();
});
