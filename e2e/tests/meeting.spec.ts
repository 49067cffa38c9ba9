import type { Browser, Locator, Page } from '@playwright/test';
import { test, expect, signIn } from '../support/fixtures.js';
import { startServer, type RunningServer } from '../support/server.js';
import { expectNoViolations } from '../support/axe.js';
import { PEOPLE, card, uniqueTitle } from '../support/board.js';
import { createPosition, positionText, selectInText, textStatus } from '../support/positions.js';

const CLAUDIA = 'claudia.richter@braunschweig.example';
const THOMAS = { email: 'thomas.becker@wolfsburg.example', name: 'Dr. Thomas Becker' };
const MARKUS = { email: 'markus.weber@braunschweig.example', name: 'Markus Weber' };
const SABINE = { email: 'sabine.wolf@salzgitter.example', name: 'Sabine Wolf' };
const PETRA = { email: 'petra.neumann@gifhorn.example', name: 'Petra Neumann' };
const SERVICE_CARD = 'Gemeinsames Servicekonto für alle Partner';

// Six people in real browsers on two shared cores, through a whole meeting.
test.describe.configure({ timeout: 300_000 });

/** A server of its own: the deputy named here must not reach the other tests of this worker (the sign-off test's members). */
const meeting = test.extend<{ ownServer: RunningServer }>({
  // eslint-disable-next-line no-empty-pattern
  ownServer: async ({}, use) => {
    const server = await startServer();
    await use(server);
    await server.stop();
  },
});

const agenda = (page: Page): Locator => page.getByRole('region', { name: 'Tagesordnung' });
const item = (page: Page, title: string): Locator => agenda(page).locator('.agenda-list > li').filter({ hasText: title });
const current = (page: Page): Locator => page.getByRole('region', { name: 'Aktueller Punkt' });
const queue = (page: Page): Locator => page.getByRole('region', { name: 'Redeliste' });
const attendance = (page: Page): Locator => page.getByRole('region', { name: 'Anwesenheit' });
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Presses Tab until `target` has the focus (at most `limit` times), as a person without a mouse reaches it. */
async function tabTo(page: Page, target: Locator, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reached by Tab: ${target.toString()}`);
}

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

/** A person signs in and opens the session page. */
async function join(browser: Browser, server: RunningServer, email: string, path: string): Promise<Page> {
  const page = await signIn(browser, server, email);
  await page.goto(path);
  await expect(current(page)).toBeVisible();
  return page;
}

meeting('M10 M17 M20 M45 M49 M55 M61 M62 a moderator and four partners (one through a deputy) hold a session: check in, follow through three items, speak in order, vote from an item, record an action item, end it', async ({ browser, ownServer: server }) => {
  const title = uniqueTitle('Arbeitsgruppe Digitalisierung');
  const [first, second, third] = [uniqueTitle('Servicekonto'), uniqueTitle('E-Payment'), uniqueTitle('Verschiedenes')];
  const decision = uniqueTitle('Servicekonto gemeinsam einführen');
  const task = uniqueTitle('Anbindungsstand je Partner erheben');
  const stance = uniqueTitle('Gemeinsame Stellungnahme E-Rechnung');
  const passage = 'Jeder Partner benennt eine Ansprechperson.';

  await test.step('Petra Neumann names Mehmet Yılmaz her deputy from today', async () => {
    const petra = await signIn(browser, server, PETRA.email);
    await petra.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Verwaltung' }).click();
    await petra.getByRole('combobox', { name: 'Vertretung' }).selectOption({ label: PEOPLE.mehmet.name });
    await petra.locator('#deputy-to').fill(dayFromNow(7));
    await petra.getByRole('button', { name: 'Vertretung eintragen' }).click();
    await expect(petra.getByRole('table', { name: 'Aktuelle und geplante Vertretungen' })).toContainText(PEOPLE.mehmet.name);
    await petra.context().close();
  });

  const claudia = await signIn(browser, server, CLAUDIA);
  let path = '';
  let stancePath = '';
  await test.step('Claudia drafts the position the second item will look at', async () => {
    stancePath = await createPosition(claudia, stance);
    await positionText(claudia).click();
    await claudia.keyboard.type(`Die Partner führen die E-Rechnung gemeinsam ein. ${passage} Der Start ist 2027.`);
    await expect(textStatus(claudia)).toHaveText('Alle Änderungen gespeichert.');
  });
  await test.step('M60: Claudia plans the session with three items and prepares the vote of the first', async () => {
    await claudia.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Sitzungen' }).click();
    await claudia.getByRole('button', { name: 'Sitzung planen' }).click();
    await claudia.getByLabel('Titel').fill(title);
    await claudia.getByLabel('Datum').fill(dayFromNow(0));
    await claudia.getByLabel('Uhrzeit').fill('00:00');
    await claudia.getByLabel('Ort (Raum)').fill('Rathaus Gifhorn, Sitzungssaal');
    await claudia.getByRole('button', { name: 'Sitzung anlegen' }).click();
    await expect(claudia.getByRole('heading', { name: title, level: 2 })).toBeVisible();
    path = new URL(claudia.url()).pathname;
    await addItem(claudia, first, 20, SERVICE_CARD);
    await addItem(claudia, second, 15);
    await addItem(claudia, third, 10);
    await item(claudia, first).getByRole('button', { name: `Abstimmung vorbereiten zu: ${first}` }).click();
    const form = item(claudia, first).locator('form.open-vote-form');
    await form.getByLabel('Titel', { exact: true }).fill(decision);
    await form.getByRole('button', { name: 'Vorbereiten' }).click();
    await expect(item(claudia, first)).toContainText(`Vorbereitet: Abstimmung „${decision}“.`);
    await claudia.getByRole('button', { name: 'Sitzung eröffnen' }).click();
    await claudia.getByRole('dialog', { name: 'Sitzung eröffnen?' }).getByRole('button', { name: 'Sitzung eröffnen' }).click();
    await expect(claudia.locator('.session-page .badge').first()).toHaveText('läuft');
  });

  const thomas = await join(browser, server, THOMAS.email, path);
  const markus = await join(browser, server, MARKUS.email, path);
  const sabine = await join(browser, server, SABINE.email, path);
  const mehmet = await join(browser, server, PEOPLE.mehmet.email, path);
  const partners = [thomas, markus, sabine, mehmet];

  await test.step('M10 M12 M15: four partners check in, Thomas by keyboard alone, Mehmet as Petra Neumann\'s deputy; the quorum is met live', async () => {
    await expect(attendance(claudia)).toContainText('Nicht beschlussfähig: 0 von 4 Partnern vertreten');
    await tabTo(thomas, attendance(thomas).getByRole('button', { name: 'Im Raum anmelden' }));
    await thomas.keyboard.press('Enter');
    await markus.getByRole('button', { name: 'Online anmelden' }).click();
    await sabine.getByRole('button', { name: 'Im Raum anmelden' }).click();
    await attendance(mehmet).getByLabel('Anmelden als').selectOption({ label: `Vertretung für ${PETRA.name}` });
    await mehmet.getByRole('button', { name: 'Online anmelden' }).click();
    await expect(attendance(claudia)).toContainText('Beschlussfähig: 4 von 4 Partnern vertreten');
    await expect(attendance(thomas)).toContainText(`Vertretung für ${PETRA.name}`);
    await expectNoViolations(claudia, 'a running session (moderator)');
    await expectNoViolations(thomas, 'a running session (participant)');
  });

  await test.step('M45 M49: the partners follow Claudia through the items, wherever they are; Sabine stops following with F', async () => {
    for (const page of partners) await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Board' }).click();
    await claudia.getByRole('button', { name: `Aufrufen: ${first}` }).click();
    for (const page of partners) {
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(current(page).getByRole('status')).toHaveText(first);
      await expect(page.getByRole('region', { name: 'Der Moderation folgen' })).toContainText('Sie folgen der Moderation.');
    }
    await claudia.getByRole('group', { name: 'Allen zeigen' }).getByRole('button', { name: `Initiative: ${SERVICE_CARD}` }).click();
    for (const page of partners) await expect(page.getByRole('dialog', { name: SERVICE_CARD })).toBeVisible();
    await sabine.keyboard.press('Escape');
    await sabine.locator('body').press('f');
    await expect(sabine.getByRole('region', { name: 'Der Moderation folgen' })).toContainText('Sie folgen der Moderation nicht.');
    await claudia.getByRole('group', { name: 'Allen zeigen' }).getByRole('button', { name: 'diesen Punkt' }).click();
    for (const page of [thomas, markus, mehmet]) await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(sabine).not.toHaveURL(new RegExp(`${path}$`));
    await sabine.getByRole('button', { name: 'Wieder folgen' }).click();
    await expect(sabine).toHaveURL(new RegExp(`${path}$`));
  });

  await test.step('M20 M23: hands are raised, Thomas by keyboard; everyone sees one order and their place; Claudia calls them in that order', async () => {
    await queue(markus).getByRole('button', { name: 'Wortmeldung', exact: true }).click();
    await expect(queue(claudia)).toContainText(MARKUS.name);
    await tabTo(thomas, queue(thomas).getByRole('button', { name: 'Wortmeldung', exact: true }));
    await thomas.keyboard.press('Enter');
    await queue(mehmet).getByRole('button', { name: 'Wortmeldung', exact: true }).click();
    await expect(queue(thomas)).toContainText('Sie sind auf Platz 2 von 3.');
    const order = [MARKUS.name, THOMAS.name, PEOPLE.mehmet.name];
    for (const page of [claudia, ...partners]) await expect(queue(page).locator('ol.speaker-list > li')).toHaveText(order.map((name) => new RegExp(name)));
    for (const name of order) {
      await queue(claudia).getByRole('button', { name: `Nächste Rede aufrufen: ${name}` }).click();
      await expect(queue(sabine)).toContainText(`Es spricht: ${name}`);
      await queue(claudia).getByRole('button', { name: 'Redebeitrag beenden' }).click();
    }
    await expect(queue(sabine)).toContainText('3 Redebeiträge zu diesem Punkt');
  });

  await test.step('M17 M61 M62: Claudia opens the prepared vote with one action; the four partners vote, Thomas by keyboard; she closes it live and the result stands on the item', async () => {
    await current(claudia).getByRole('button', { name: `Abstimmung öffnen: ${decision}` }).click();
    const vote = (page: Page) => current(page).locator(`article.vote`).filter({ hasText: decision });
    await expect(vote(thomas)).toContainText('0 von 4 Partnern haben abgestimmt');
    await tabTo(thomas, vote(thomas).getByRole('radio', { name: 'Zustimmung' }));
    await thomas.keyboard.press('Space');
    await tabTo(thomas, vote(thomas).getByRole('button', { name: 'Stimme abgeben' }));
    await thomas.keyboard.press('Enter');
    for (const page of [markus, sabine, mehmet]) {
      await vote(page).getByRole('radio', { name: 'Zustimmung' }).check();
      await vote(page).getByRole('button', { name: 'Stimme abgeben' }).click();
    }
    await expect(vote(claudia)).toContainText('4 von 4 Partnern haben abgestimmt');
    await vote(claudia).getByRole('button', { name: 'Abstimmung beenden' }).click();
    // A confirmation, where the app asks one before closing a vote.
    const confirm = claudia.getByRole('dialog');
    if (await confirm.isVisible().catch(() => false)) await confirm.getByRole('button', { name: /beenden/i }).click();
    for (const page of [claudia, mehmet]) await expect(vote(page)).toContainText('angenommen');
  });

  await test.step('M55: Claudia records an action item; it is a card on the board of everyone', async () => {
    const form = claudia.locator('form.action-form');
    await form.getByLabel('Was').fill(task);
    await form.getByLabel(PEOPLE.mehmet.name).check();
    await form.getByLabel('Bis wann').fill('2027-01-15');
    await form.getByRole('button', { name: 'Aufgabe anlegen' }).click();
    await expect(claudia.getByRole('region', { name: 'Aufgaben' })).toContainText(task);
    await sabine.getByRole('region', { name: 'Der Moderation folgen' }).getByRole('button', { name: 'Nicht mehr folgen' }).click();
    await sabine.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Board' }).click();
    await expect(card(sabine, task)).toBeVisible();
    await sabine.goto(path);
  });

  await test.step('M5 M62 M45: the next two items; the first shows its vote\'s result in the agenda; Claudia shows a passage of a position; she ends the session', async () => {
    await claudia.getByRole('button', { name: `Aufrufen: ${second}` }).click();
    await expect(current(thomas).getByRole('status')).toHaveText(second);
    await expect(item(thomas, first)).toContainText(`${decision}: angenommen`);
    await claudia.goto(stancePath);
    await selectInText(claudia, passage);
    await claudia.getByRole('button', { name: 'Markierte Stelle allen zeigen' }).click();
    for (const page of [thomas, markus, mehmet]) {
      await expect(page).toHaveURL(new RegExp(`${stancePath}$`));
      await expect(positionText(page).locator('.passage-shown')).toHaveText(passage);
    }
    await claudia.goto(path);
    await claudia.getByRole('button', { name: `Aufrufen: ${third}` }).click();
    await expect(current(markus).getByRole('status')).toHaveText(third);
    await claudia.getByRole('button', { name: 'Sitzung schließen' }).click();
    await claudia.getByRole('dialog', { name: 'Sitzung schließen?' }).getByRole('button', { name: 'Sitzung schließen' }).click();
    for (const page of partners) await expect(page.locator('.session-page .badge').first()).toHaveText('beendet');
  });

  await test.step('M50: the minutes are generated from what happened and are written on together', async () => {
    const minutes = (page: Page) => page.getByRole('region', { name: 'Protokoll' }).getByRole('textbox');
    for (const text of [`Protokoll: ${title}`, first, decision, 'angenommen', task, PEOPLE.mehmet.name]) await expect(minutes(claudia)).toContainText(text);
    await minutes(markus).click();
    await markus.keyboard.press('Control+End');
    await markus.keyboard.type(' Nachtrag Braunschweig.');
    await expect(minutes(claudia)).toContainText('Nachtrag Braunschweig.');
    await claudia.screenshot({ path: test.info().outputPath('meeting-minutes.png'), fullPage: true });
  });
});
