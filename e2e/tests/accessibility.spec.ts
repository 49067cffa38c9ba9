import { expectNoViolations } from '../support/axe.js';
import { test, expect, signIn } from '../support/fixtures.js';
import { PEOPLE, createCard, openCard, uniqueTitle } from '../support/board.js';

test('the sign-in page has no WCAG 2.1 A/AA violations, also with an error shown', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
  await expectNoViolations(page, 'the sign-in page');

  await page.getByLabel('E-Mail').fill(PEOPLE.anna.email);
  await page.getByLabel('Passwort').fill('falsch');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('alert')).toHaveText('E-Mail oder Passwort ist nicht korrekt.');
  await expectNoViolations(page, 'the sign-in page with an error');
});

test('the board and the open card dialog have no WCAG 2.1 A/AA violations', async ({ browser, server }) => {
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const lena = await signIn(browser, server, PEOPLE.lena.email);
  const title = uniqueTitle('Barrierefreiheit');
  await createCard(anna, title);

  // A card with every kind of content, someone else present on it, and a comment.
  const dialog = await openCard(anna, title);
  await dialog.getByRole('textbox', { name: 'Beschreibung' }).fill('Prüfung nach BITV 2.0.');
  await dialog.getByLabel('Federführender Partner').selectOption({ label: 'Stadt Braunschweig (BS)' });
  await dialog.getByRole('group', { name: 'Beteiligte Partner' }).getByRole('checkbox', { name: 'Landkreis Gifhorn (GF)' }).check();
  await dialog.getByRole('group', { name: 'Verantwortliche Personen' }).getByRole('checkbox', { name: 'Anna Schulz (WOB)' }).check();
  await dialog.getByLabel('Fälligkeitsdatum').fill('2026-03-31');
  await dialog.getByLabel('Schlagworte', { exact: true }).fill('BITV');
  await dialog.getByRole('button', { name: 'Link hinzufügen' }).click();
  await dialog.getByLabel('Adresse (URL) von Link 1').fill('https://www.bitvtest.de/');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await dialog.getByRole('textbox', { name: 'Neuer Kommentar' }).fill('Kontraste geprüft.');
  await dialog.getByRole('button', { name: 'Kommentieren' }).click();
  await expect(dialog.getByText('Kontraste geprüft.')).toBeVisible();
  await expect(dialog.getByText('hat kommentiert')).toBeVisible();
  await expect(dialog.getByRole('link', { name: 'https://www.bitvtest.de/' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Schließen' }).click();

  // Lena's board: presence of Anna, the filled card, both views.
  await openCard(lena, title).then((d) => d.getByRole('button', { name: 'Schließen' }).click());
  await expect(lena.getByRole('region', { name: 'Auf dem Board' })).toContainText(PEOPLE.anna.name);
  await expectNoViolations(lena, 'the board (by area)');
  await lena.getByRole('button', { name: 'Nach Status' }).click();
  await lena.getByRole('checkbox', { name: 'Archivierte anzeigen' }).check();
  await expectNoViolations(lena, 'the board (by status, archived shown)');
  await lena.getByRole('button', { name: 'Nach Bereich' }).click();

  // The open card dialog, while Anna also looks at it, with a validation error shown.
  await openCard(anna, title);
  const lenaDialog = await openCard(lena, title);
  await expect(lenaDialog).toContainText(`Sieht sich an: ${PEOPLE.anna.name}`);
  await expect(lenaDialog.getByText('Kontraste geprüft.')).toBeVisible();
  await expectNoViolations(lena, 'the open card dialog');
  await lenaDialog.getByLabel('Titel', { exact: true }).fill('');
  await lenaDialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(lenaDialog.getByRole('form', { name: 'Angaben' }).getByRole('alert')).toHaveText('Der Titel darf nicht leer sein.');
  await expectNoViolations(lena, 'the card dialog with an error');

  // The "Neue Initiative" form, open.
  await lenaDialog.getByRole('button', { name: 'Schließen' }).click();
  await lena.getByRole('button', { name: 'Neue Initiative' }).click();
  await expect(lena.getByRole('form', { name: 'Neue Initiative' })).toBeVisible();
  await expectNoViolations(lena, 'the new-card form');
});
