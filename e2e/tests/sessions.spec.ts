import type { Locator, Page } from '@playwright/test';
import { test, expect, signIn } from '../support/fixtures.js';
import { expectNoViolations } from '../support/axe.js';
import { PEOPLE, dragByMouse, openCard, uniqueTitle } from '../support/board.js';

const CLAUDIA = 'claudia.richter@braunschweig.example';
const SEEDED = 'Arbeitsgruppe Digitalisierung – Sitzung 1';
const SERVICE_CARD = 'Gemeinsames Servicekonto für alle Partner';

const openSessions = async (page: Page) => {
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Sitzungen' }).click();
  await expect(page.getByRole('heading', { name: 'Sitzungen', level: 2 })).toBeVisible();
};
const agenda = (page: Page): Locator => page.getByRole('region', { name: 'Tagesordnung' });
/** The agenda's item titles in their order. */
const order = (page: Page): Locator => agenda(page).locator('.agenda-list > li .agenda-title');
const item = (page: Page, title: string): Locator => agenda(page).locator('.agenda-list > li').filter({ hasText: title });
const current = (page: Page): Locator => page.getByRole('region', { name: 'Aktueller Punkt' });

async function addItem(page: Page, title: string, minutes: number, linkCard?: string): Promise<void> {
  const form = agenda(page).locator('form.agenda-item-form').last();
  await form.getByLabel('Titel des Punkts').fill(title);
  await form.getByLabel('Geplante Minuten').fill(String(minutes));
  if (linkCard) {
    await form.getByText(/^Verknüpfungen/).click();
    await form.getByRole('group', { name: 'Initiativen' }).getByLabel(linkCard).check();
  }
  await form.getByRole('button', { name: 'Punkt hinzufügen' }).click();
  await expect(item(page, title)).toBeVisible();
}

test('M1 M2 M3 M4 M5 M6 Claudia plans a session and builds its agenda by keyboard and by drag and drop; Anna follows it live without changing it, through items and a deferral, to its end', async ({
  browser,
  server,
}) => {
  // Two people through a whole session, with four axe scans: longer than the default minute.
  test.setTimeout(120_000);
  const claudia = await signIn(browser, server, CLAUDIA);
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const title = uniqueTitle('Arbeitsgruppe Schnittstellen');
  const [first, second, third] = [uniqueTitle('Servicekonto'), uniqueTitle('E-Payment'), uniqueTitle('XBau')];

  await test.step('M1: Anna (member) sees the sessions and why she cannot plan one; the seeded session is there', async () => {
    await openSessions(anna);
    await expect(anna.getByText('Sitzungen planen Personen mit der Rolle Moderation.', { exact: false })).toBeVisible();
    await expect(anna.getByRole('button', { name: 'Sitzung planen' })).toHaveCount(0);
    await expect(anna.getByRole('row').filter({ hasText: SEEDED })).toContainText('Claudia Richter');
    await expectNoViolations(anna, 'the sessions list (member)');
  });

  await test.step('M1 M3: Claudia plans a session; the form checks the fields first; Anna sees it in the list live', async () => {
    await openSessions(claudia);
    await expectNoViolations(claudia, 'the sessions list (moderator)');
    await claudia.getByRole('button', { name: 'Sitzung planen' }).click();
    await claudia.getByRole('button', { name: 'Sitzung anlegen' }).click();
    await expect(claudia.getByRole('alert').filter({ hasText: 'Bitte prüfen: Titel' })).toBeVisible();
    await claudia.getByLabel('Titel').fill(title);
    await claudia.getByLabel('Datum').fill('2027-03-04');
    await claudia.getByLabel('Uhrzeit').fill('14:30');
    await claudia.getByLabel('Ort (Raum)').fill('Rathaus Wolfsburg, Sitzungssaal');
    await claudia.getByLabel('Link zur Videokonferenz').fill('javascript:alert(1)');
    await claudia.getByRole('button', { name: 'Sitzung anlegen' }).click();
    await expect(claudia.getByRole('alert').filter({ hasText: 'Bitte prüfen: Link zur Videokonferenz' })).toBeVisible();
    await claudia.getByLabel('Link zur Videokonferenz').fill('https://meet.example/schnittstellen');
    await claudia.getByRole('button', { name: 'Sitzung anlegen' }).click();
    await expect(claudia.getByRole('heading', { name: title, level: 2 })).toBeVisible();
    await expect(claudia.getByRole('region', { name: 'Angaben' })).toContainText('04.03.2027, 14:30');

    const row = anna.getByRole('row').filter({ hasText: title });
    await expect(row).toContainText('04.03.2027, 14:30');
    await expect(row).toContainText('Rathaus Wolfsburg, Sitzungssaal');
    await expect(row).toContainText('geplant');
  });

  await test.step('M4: Claudia builds the agenda; Anna, on the session page, sees it grow and has nothing to change', async () => {
    await anna.getByRole('link', { name: title }).click();
    await expect(anna.getByRole('heading', { name: title, level: 2 })).toBeVisible();
    await addItem(claudia, first, 10, SERVICE_CARD);
    await addItem(claudia, second, 20);
    await addItem(claudia, third, 15);
    await expect(order(anna)).toHaveText([first, second, third]);
    await expect(agenda(anna)).toContainText('3 Punkte, geplant insgesamt 45 min');
    await expect(item(anna, first).getByRole('link', { name: SERVICE_CARD })).toBeVisible();
    await expect(anna.getByText('Diese Sitzung leitet Claudia Richter.', { exact: false })).toBeVisible();
    for (const name of ['Sitzung eröffnen', 'Angaben bearbeiten', 'Punkt hinzufügen']) await expect(anna.getByRole('button', { name })).toHaveCount(0);
    await expect(agenda(anna).getByRole('button')).toHaveCount(0);
  });

  await test.step('M4: by keyboard, Claudia lifts the third item with Space, carries it up twice, drops it first; Escape puts one back', async () => {
    const grab = claudia.getByRole('button', { name: `„${third}“ verschieben` });
    await grab.focus();
    await claudia.keyboard.press('Space');
    await expect(claudia.getByTestId('announcer')).toContainText(`„${third}“ aufgenommen, Platz 3 von 3`);
    await claudia.keyboard.press('ArrowUp');
    await claudia.keyboard.press('ArrowUp');
    await expect(order(claudia)).toHaveText([third, first, second]);
    await claudia.keyboard.press('Space');
    await expect(claudia.getByTestId('announcer')).toContainText(`„${third}“ ist jetzt Punkt 1 von 3.`);
    await expect(order(anna)).toHaveText([third, first, second]);

    await expect(grab).toBeFocused();
    await claudia.keyboard.press('Space');
    await claudia.keyboard.press('ArrowDown');
    await claudia.keyboard.press('Escape');
    await expect(claudia.getByTestId('announcer')).toContainText(`„${third}“ bleibt Punkt 1 von 3.`);
    await expect(order(claudia)).toHaveText([third, first, second]);
  });

  await test.step('M4: by drag and drop, Claudia puts the first item in the last one\'s place; Anna sees the new order', async () => {
    await dragByMouse(claudia, claudia.getByRole('button', { name: `„${first}“ verschieben` }), item(claudia, second), `„${second}“`);
    await expect(order(claudia)).toHaveText([third, second, first]);
    await expect(order(anna)).toHaveText([third, second, first]);
    await expectNoViolations(claudia, 'a planned session (moderator)');
    await expectNoViolations(anna, 'a planned session (member)');
    await claudia.screenshot({ path: test.info().outputPath('session-planned.png'), fullPage: true });
  });

  await test.step('M2 M5: Claudia opens the session after a question and takes up items; Anna sees the current item and its time ticking', async () => {
    await claudia.getByRole('button', { name: 'Sitzung eröffnen' }).click();
    const dialog = claudia.getByRole('dialog', { name: 'Sitzung eröffnen?' });
    await dialog.getByRole('button', { name: 'Sitzung eröffnen' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(current(anna)).toContainText('Noch kein Punkt aufgerufen.');
    await expect(anna.locator('.session-page .badge').first()).toHaveText('läuft');

    await claudia.getByRole('button', { name: `Aufrufen: ${third}` }).click();
    await expect(current(anna).getByRole('status')).toHaveText(third);
    await expect(current(anna)).toContainText(/Ist 0:0\d von 15 min/);
    await expect(item(anna, third)).toHaveAttribute('aria-current', 'step');
    const before = await current(anna).locator('.clock-actual').textContent();
    await expect(current(anna).locator('.clock-actual')).not.toHaveText(before ?? '', { timeout: 3_000 });

    await claudia.getByRole('button', { name: `Aufrufen: ${second}` }).click();
    await expect(current(anna).getByRole('status')).toHaveText(second);
    await expect(item(anna, second)).toHaveAttribute('aria-current', 'step');
    await expect(item(anna, third)).not.toHaveAttribute('aria-current', 'step');
    await expect(item(anna, third)).toContainText(/Ist 0:0\d von 15 min/);
  });

  await test.step('M6: Claudia defers the item not yet treated to the seeded session; Anna sees where it went, and the copy is on that agenda', async () => {
    await item(claudia, first).getByRole('button', { name: `Vertagen: ${first}` }).click();
    const form = item(claudia, first).locator('form.defer-form');
    const target = form.getByLabel(`„${first}“ vertagen auf`);
    const label = await target.locator('option', { hasText: SEEDED }).textContent();
    await target.selectOption({ label: label ?? SEEDED });
    await form.getByRole('button', { name: 'Vertagen', exact: true }).click();
    await expect(item(anna, first)).toContainText(`Vertagt auf ${SEEDED}`);
    await expect(item(anna, first)).toContainText('vertagt');
    await expect(agenda(anna)).toContainText('2 Punkte, geplant insgesamt 35 min · 1 vertagt');
    await expect(item(claudia, first).getByRole('button')).toHaveCount(0);
    await expectNoViolations(claudia, 'a running session (moderator)');
    await expectNoViolations(anna, 'a running session (member)');
    await anna.screenshot({ path: test.info().outputPath('session-running.png'), fullPage: true });
  });

  await test.step('M2: Claudia closes the session; it is a record for both of them, and the list says so', async () => {
    await claudia.getByRole('button', { name: 'Sitzung schließen' }).click();
    await claudia.getByRole('dialog', { name: 'Sitzung schließen?' }).getByRole('button', { name: 'Sitzung schließen' }).click();
    await expect(anna.getByText('Die Sitzung ist beendet.', { exact: false })).toBeVisible();
    await expect(claudia.getByText('Die Sitzung ist beendet.', { exact: false })).toBeVisible();
    await expect(current(anna)).toHaveCount(0);
    await expect(agenda(claudia).getByRole('button')).toHaveCount(0);
    await expect(claudia.getByRole('button', { name: 'Angaben bearbeiten' })).toHaveCount(0);

    await claudia.getByRole('link', { name: SEEDED }).click();
    await expect(item(claudia, first)).toBeVisible();
    await openSessions(claudia);
    await expect(claudia.getByRole('table', { name: 'Vergangene Sitzungen' }).getByRole('row').filter({ hasText: title })).toContainText('beendet');
    await claudia.screenshot({ path: test.info().outputPath('sessions-list.png'), fullPage: true });
  });

  await test.step('the card names the sessions that treat it, each a way to the session', async () => {
    await anna.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Board' }).click();
    const dialog = await openCard(anna, SERVICE_CARD, { by: 'click' });
    await expect(dialog.getByText('Behandelt in:')).toBeVisible();
    await dialog.getByRole('link', { name: title }).click();
    await expect(anna.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  });
});
