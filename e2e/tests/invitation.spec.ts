import type { Browser, BrowserContext, Page } from '@playwright/test';
import { test, expect, signIn } from '../support/fixtures.js';
import type { RunningServer } from '../support/server.js';
import { WORKSPACE_NAME, card, createCard, expectConnected, openCard, uniqueTitle } from '../support/board.js';

const ADMIN = 'stefan.braun@wolfsburg.example';

/** The admin creates an invitation on /admin and reads the link, which is shown only once, from the page. */
async function invite(admin: Page, partner: string): Promise<string> {
  if (new URL(admin.url()).pathname !== '/admin') {
    await admin.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Verwaltung' }).click();
    // After a page change, focus starts at the new page's heading.
    await expect(admin.getByRole('heading', { level: 2, name: 'Verwaltung' })).toBeFocused();
  }
  const form = admin.getByRole('form', { name: 'Neue Einladung' });
  await form.getByLabel('Partner').selectOption({ label: partner });
  await expect(form.getByRole('group', { name: 'Rollen' }).getByRole('checkbox', { name: 'Mitglied' })).toBeChecked();
  await form.getByLabel('Gültig für (Tage)').fill('3');
  await form.getByRole('button', { name: 'Einladung erstellen' }).click();

  const result = admin.getByRole('group', { name: 'Einladungslink' });
  await expect(result).toContainText('Dieser Link wird nur jetzt angezeigt.');
  const link = await result.getByRole('textbox', { name: 'Einladungslink' }).inputValue();
  await admin.screenshot({ path: test.info().outputPath('invitation-link.png'), fullPage: true });
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
  await result.getByRole('button', { name: 'Link kopieren' }).click();
  await expect(admin.getByTestId('announcer')).toHaveText('Link in die Zwischenablage kopiert.');
  expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expect(admin.getByRole('table', { name: 'Einladungen' }).getByRole('row').filter({ hasText: 'Landkreis Gifhorn' }).first()).toContainText('Offen');
  return link;
}

async function freshContext(browser: Browser, server: RunningServer, opened: BrowserContext[]): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, locale: 'de-DE' });
  opened.push(context);
  return context.newPage();
}

test('an invited person signs up through the link, lands on the board, and the admin sees their card live with their partner', async ({ browser, server }) => {
  const opened: BrowserContext[] = [];
  try {
    const admin = await signIn(browser, server, ADMIN);
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const link = await invite(admin, 'Landkreis Gifhorn (GF)');

    // The invitee, in a browser of their own, without an account.
    const invitee = await freshContext(browser, server, opened);
    await invitee.goto(link);
    await expect(invitee.getByRole('heading', { level: 1, name: `Einladung zu „${WORKSPACE_NAME}“` })).toBeVisible();
    await expect(invitee.getByRole('main')).toContainText('für Landkreis Gifhorn als Mitglied');
    await invitee.screenshot({ path: test.info().outputPath('invitation.png'), fullPage: true });
    const email = `maria.lange.${Date.now().toString(36)}@gifhorn.example`;
    const form = invitee.getByRole('form', { name: 'Konto anlegen' });
    await form.getByLabel('Vor- und Nachname').fill('Maria Lange');
    await form.getByLabel('E-Mail').fill(email);
    await form.getByLabel('Passwort', { exact: true }).fill('kurz');
    await form.getByLabel('Passwort wiederholen').fill('kurz');
    await form.getByRole('button', { name: 'Konto anlegen und beitreten' }).click();
    await expect(form.getByLabel('Passwort', { exact: true })).toHaveAccessibleDescription(/mindestens 10 Zeichen haben/);
    await form.getByLabel('Passwort', { exact: true }).fill('ein-langes-passwort');
    await form.getByLabel('Passwort wiederholen').fill('ein-langes-passwort');
    await form.getByRole('button', { name: 'Konto anlegen und beitreten' }).click();

    await expect(invitee.getByRole('heading', { level: 2, name: 'Initiativen' })).toBeVisible();
    await expectConnected(invitee);
    expect(new URL(invitee.url()).pathname).toBe('/');
    await expect(invitee.getByRole('banner')).toContainText('Maria Lange');

    // Her card appears on the admin's board live, attributed to her and to Gifhorn.
    await admin.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Board' }).click();
    await expect(admin.getByRole('region', { name: 'Auf dem Board' }).getByRole('listitem').filter({ hasText: 'Maria Lange' })).toContainText('GF');
    const title = uniqueTitle('Gifhorner Vorschlag');
    await createCard(invitee, title);
    await expect(card(admin, title)).toBeVisible();
    const dialog = await openCard(admin, title);
    await expect(dialog.getByRole('listitem').filter({ hasText: 'hat die Initiative angelegt' })).toContainText(/Maria Lange\s*GF/);
    await dialog.getByRole('button', { name: 'Schließen' }).click();

    // The admin's list shows the invitation as accepted, by her.
    await admin.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Verwaltung' }).click();
    await expect(admin.getByRole('table', { name: 'Einladungen' })).toContainText('Angenommen (Maria Lange)');
    await expect(admin.getByRole('table', { name: 'Personen im Verbund' }).getByRole('row', { name: /Maria Lange/ })).toContainText('Landkreis Gifhorn');

    // The link works once: someone else opening it again is refused with a message.
    const again = await freshContext(browser, server, opened);
    await again.goto(link);
    await expect(again.getByRole('heading', { level: 1, name: 'Einladung nicht nutzbar' })).toBeVisible();
    await expect(again.getByRole('alert')).toHaveText('Diese Einladung wurde bereits verwendet. Jeder Einladungslink gilt nur einmal.');
    await expect(again.getByRole('textbox')).toHaveCount(0);
  } finally {
    await Promise.all(opened.map((c) => c.close()));
  }
});

/** Signs a new person up through an invitation link and waits for their board. */
async function signUp(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  const form = page.getByRole('form', { name: 'Konto anlegen' });
  await form.getByLabel('Vor- und Nachname').fill(name);
  await form.getByLabel('E-Mail').fill(`${name.toLowerCase().replace(/\s+/g, '.')}.${Date.now().toString(36)}@example.org`);
  await form.getByLabel('Passwort', { exact: true }).fill('ein-langes-passwort');
  await form.getByLabel('Passwort wiederholen').fill('ein-langes-passwort');
  await form.getByRole('button', { name: 'Konto anlegen und beitreten' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Initiativen' })).toBeVisible();
}

test('a new workspace; someone already signed in joins it with "Beitreten" and switches between the two', async ({ browser, server }) => {
  const opened: BrowserContext[] = [];
  try {
    // Two new people, so the demo accounts other tests use keep their single workspace.
    const admin = await signIn(browser, server, ADMIN);
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const jana = await freshContext(browser, server, opened);
    await signUp(jana, await invite(admin, 'Landkreis Gifhorn (GF)'), 'Jana Vogel');
    await admin.getByRole('button', { name: 'Fertig' }).click();
    const karl = await freshContext(browser, server, opened);
    await signUp(karl, await invite(admin, 'Landkreis Gifhorn (GF)'), 'Karl Brandt');
    await expect(karl.getByRole('combobox', { name: 'Verbund wechseln' })).toHaveCount(0);

    // Jana starts a workspace of her own and becomes its admin.
    await jana.getByRole('link', { name: 'Mein Konto' }).click();
    const name = uniqueTitle('Verbund Heide');
    const form = jana.getByRole('form', { name: 'Neuer Verbund' });
    await form.getByLabel('Name des Verbunds').fill(name);
    await form.getByLabel('Ihr Partner (z. B. Stadt Musterstadt)').fill('Landkreis Gifhorn');
    await form.getByLabel('Kurzname Ihres Partners').fill('GF');
    await form.getByRole('button', { name: 'Verbund anlegen' }).click();
    await expect(jana.getByRole('heading', { level: 1, name })).toBeVisible();
    await expectConnected(jana);
    await jana.getByRole('link', { name: 'Verwaltung' }).click();
    const invitation = jana.getByRole('form', { name: 'Neue Einladung' });
    await invitation.getByLabel('Partner').selectOption({ label: 'Landkreis Gifhorn (GF)' });
    await invitation.getByRole('button', { name: 'Einladung erstellen' }).click();
    const link = await jana.getByRole('textbox', { name: 'Einladungslink' }).inputValue();

    // Karl is signed in: one button, no form.
    await karl.goto(link);
    await expect(karl.getByRole('main')).toContainText('Sie sind angemeldet als Karl Brandt');
    await expect(karl.getByRole('textbox')).toHaveCount(0);
    await karl.getByRole('button', { name: 'Beitreten' }).click();
    await expect(karl.getByRole('heading', { level: 1, name })).toBeVisible();
    await expectConnected(karl);

    // Switching opens a new live connection to the other workspace.
    await karl.getByRole('combobox', { name: 'Verbund wechseln' }).selectOption({ label: WORKSPACE_NAME });
    await expect(karl.getByRole('heading', { level: 1, name: WORKSPACE_NAME })).toBeVisible();
    await expectConnected(karl);
    await expect(card(karl, 'Gemeinsames Servicekonto für alle Partner')).toBeVisible();

    // Jana is the only admin of a workspace Karl works in: she is asked to hand over first.
    await jana.getByRole('link', { name: 'Mein Konto' }).click();
    const janaErase = jana.getByRole('form', { name: 'Konto löschen' });
    await janaErase.getByLabel('Ihr Passwort zur Bestätigung').fill('ein-langes-passwort');
    await janaErase.getByRole('button', { name: 'Konto endgültig löschen' }).click();
    await jana.getByRole('dialog', { name: 'Konto endgültig löschen?' }).getByRole('button', { name: 'Konto endgültig löschen' }).click();
    await expect(janaErase).toContainText('Sie sind die einzige Administration eines Verbunds, in dem andere arbeiten.');

    // Karl deletes his account: the password again, one question, then he is signed out everywhere.
    await karl.getByRole('link', { name: 'Mein Konto' }).click();
    const erase = karl.getByRole('form', { name: 'Konto löschen' });
    await erase.getByLabel('Ihr Passwort zur Bestätigung').fill('falsches-passwort');
    await erase.getByRole('button', { name: 'Konto endgültig löschen' }).click();
    const confirm = karl.getByRole('dialog', { name: 'Konto endgültig löschen?' });
    await expect(confirm.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Konto endgültig löschen' }).click();
    await expect(erase.getByLabel('Ihr Passwort zur Bestätigung')).toHaveAccessibleDescription('Das aktuelle Passwort ist nicht korrekt.');
    await erase.getByLabel('Ihr Passwort zur Bestätigung').fill('ein-langes-passwort');
    await karl.screenshot({ path: test.info().outputPath('erase-account.png'), fullPage: true });
    await erase.getByRole('button', { name: 'Konto endgültig löschen' }).click();
    await confirm.getByRole('button', { name: 'Konto endgültig löschen' }).click();
    await expect(karl.getByRole('button', { name: 'Anmelden' })).toBeVisible();
    await expect(karl.getByRole('main')).toContainText('Ihr Konto wurde gelöscht.');

    // In both workspaces he is a former member now; his account no longer signs in.
    await jana.getByRole('link', { name: 'Verwaltung' }).click();
    await expect(jana.getByRole('table', { name: 'Personen im Verbund' })).not.toContainText('Karl Brandt');
    await admin.reload();
    await expect(admin.getByRole('table', { name: 'Personen im Verbund' })).not.toContainText('Karl Brandt');
  } finally {
    await Promise.all(opened.map((c) => c.close()));
  }
});
