import type { Browser, Page } from '@playwright/test';
import { test, expect, signIn } from '../support/fixtures.js';
import type { RunningServer } from '../support/server.js';
import { expectNoViolations } from '../support/axe.js';
import { PEOPLE, uniqueTitle } from '../support/board.js';
import { createPosition, positionText, signoffPanel, signoffRow, textStatus } from '../support/positions.js';

const DEZERNENTEN = {
  thomas: { email: 'thomas.becker@wolfsburg.example', name: 'Dr. Thomas Becker', partner: 'Stadt Wolfsburg' },
  markus: { email: 'markus.weber@braunschweig.example', name: 'Markus Weber', partner: 'Stadt Braunschweig' },
  sabine: { email: 'sabine.wolf@salzgitter.example', name: 'Sabine Wolf', partner: 'Stadt Salzgitter' },
  petra: { email: 'petra.neumann@gifhorn.example', name: 'Petra Neumann', partner: 'Landkreis Gifhorn' },
} as const;
const CLAUDIA = { email: 'claudia.richter@braunschweig.example', name: 'Claudia Richter' };

// Eight people sign in one after another on two shared cores.
test.describe.configure({ timeout: 180_000 });

/** A calendar day `days` from now, as the date field takes it. */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Writes a text, waits until it is stored, and starts the round through the confirm dialog. */
async function writeAndStart(page: Page, text: string): Promise<void> {
  await positionText(page).click();
  await page.keyboard.type(text);
  await expect(textStatus(page)).toHaveText('Alle Änderungen gespeichert.');
  await signoffPanel(page).getByRole('button', { name: 'Zeichnungsrunde starten' }).click();
  const dialog = page.getByRole('dialog', { name: 'Zeichnungsrunde starten?' });
  await expect(dialog).toContainText('Alle 4 aktiven Partner müssen genau diese Fassung zeichnen');
  await dialog.getByRole('button', { name: 'Runde starten' }).click();
  await expect(signoffPanel(page)).toContainText('Zeichnungsrunde läuft');
  await expect(page.getByRole('heading', { name: 'Zeichnung', level: 3 })).toBeFocused();
}

/** A person signs in, opens the position, signs for their partner and leaves again. */
async function signAs(browser: Browser, server: RunningServer, email: string, path: string, check?: (page: Page) => Promise<void>): Promise<void> {
  const page = await signIn(browser, server, email);
  await page.goto(path);
  const panel = signoffPanel(page);
  await check?.(page);
  await panel.getByRole('button', { name: 'Zeichnen', exact: true }).click();
  await expect(panel.getByRole('button', { name: 'Zeichnen', exact: true })).toHaveCount(0);
  await page.context().close();
}

test('P10 P11 P12 P13 the moderator starts the round, the text is frozen for everyone, four partners sign (one through a deputy) and the position is adopted for all', async ({ browser, server }) => {
  await test.step('Sabine Wolf names Jonas Krüger her deputy from today', async () => {
    const sabine = await signIn(browser, server, DEZERNENTEN.sabine.email);
    await sabine.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Verwaltung' }).click();
    await sabine.getByRole('combobox', { name: 'Vertretung' }).selectOption({ label: PEOPLE.jonas.name });
    await sabine.locator('#deputy-to').fill(dayFromNow(7));
    await sabine.getByRole('button', { name: 'Vertretung eintragen' }).click();
    await expect(sabine.getByRole('table', { name: 'Aktuelle und geplante Vertretungen' })).toContainText(PEOPLE.jonas.name);
    await sabine.context().close();
  });

  const claudia = await signIn(browser, server, CLAUDIA.email);
  const mehmet = await signIn(browser, server, PEOPLE.mehmet.email);
  const path = await createPosition(claudia, uniqueTitle('Stellungnahme zur Zeichnung'));
  await mehmet.goto(path);

  await test.step('P10: a member of another partner is told who starts the round; the moderator starts it', async () => {
    await expect(signoffPanel(mehmet)).toContainText('Eine Zeichnungsrunde startet die Moderation oder ein Mitglied des federführenden Partners (Stadt Braunschweig).');
    await expect(signoffPanel(mehmet).getByRole('button', { name: 'Zeichnungsrunde starten' })).toHaveCount(0);
    await writeAndStart(claudia, 'Die Partner fordern eine gemeinsame Plattform.');
    await expect(signoffPanel(mehmet)).toContainText(`von ${CLAUDIA.name} am`);
    await expect(signoffPanel(mehmet)).toContainText('0 von 4 Partnern haben gezeichnet.');
    await expect(signoffPanel(mehmet).locator('code.hash')).toHaveText(/^[0-9a-f]{12}$/);
    await expect(signoffPanel(mehmet).locator('code.hash')).toHaveAttribute('title', /^Prüfsumme \(SHA-256\): [0-9a-f]{64}$/);
  });

  await test.step('P11: the text is frozen; a member who types into it changes nothing', async () => {
    await expect(mehmet.getByText('in Abstimmung', { exact: true })).toBeVisible();
    await expect(positionText(mehmet)).toHaveAttribute('aria-readonly', 'true');
    await expect(textStatus(mehmet)).toHaveText('Der Text ist eingefroren: Ab der Zeichnungsrunde wird genau diese Fassung gezeichnet.');
    await positionText(mehmet).click();
    await mehmet.keyboard.type('Eingeschoben');
    await expect(positionText(mehmet)).toHaveText('Die Partner fordern eine gemeinsame Plattform.');
    for (const partner of Object.values(DEZERNENTEN)) await expect(signoffRow(mehmet, partner.partner)).toContainText('offen');
    await expect(signoffPanel(mehmet).getByRole('button', { name: 'Zeichnen', exact: true })).toHaveCount(0);
  });

  await test.step('P12: three Dezernenten sign; everyone sees each answer at once', async () => {
    await signAs(browser, server, DEZERNENTEN.thomas.email, path);
    await expect(signoffRow(mehmet, DEZERNENTEN.thomas.partner)).toContainText(`gezeichnet${DEZERNENTEN.thomas.name}`);
    await expect(signoffPanel(claudia)).toContainText('1 von 4 Partnern hat gezeichnet.');
    await signAs(browser, server, DEZERNENTEN.markus.email, path);
    await signAs(browser, server, DEZERNENTEN.petra.email, path, async (petra) => {
      await expect(signoffPanel(petra).getByRole('group', { name: 'Ihre Antwort für Landkreis Gifhorn' })).toContainText('Sie zeichnen als Dezernentin oder Dezernent');
      await expectNoViolations(petra, 'the sign-off panel during a round, with the answer form');
    });
    await expect(signoffPanel(claudia)).toContainText('3 von 4 Partnern haben gezeichnet.');
    await expect(claudia.getByText('in Abstimmung', { exact: true })).toBeVisible();
  });

  await test.step('P12 P13: Jonas Krüger signs in Vertretung für Sabine Wolf; the position is adopted for everyone', async () => {
    await signAs(browser, server, PEOPLE.jonas.email, path, async (jonas) => {
      await expect(signoffPanel(jonas).getByRole('group', { name: 'Ihre Antwort für Stadt Salzgitter' })).toContainText(`Sie zeichnen in Vertretung für ${DEZERNENTEN.sabine.name}`);
    });
    await expect(signoffRow(mehmet, DEZERNENTEN.sabine.partner)).toContainText(`${PEOPLE.jonas.name}in Vertretung für ${DEZERNENTEN.sabine.name}`);
    for (const page of [claudia, mehmet]) {
      await expect(page.getByText('beschlossen', { exact: true })).toBeVisible();
      await expect(signoffPanel(page).getByRole('status')).toContainText('Beschlossen. Am');
      await expect(signoffPanel(page).getByRole('status')).toContainText('haben alle 4 Partner gezeichnet.');
      await expect(positionText(page)).toHaveAttribute('aria-readonly', 'true');
    }
    await expect(signoffPanel(claudia).getByRole('button', { name: 'Runde zurückziehen' })).toHaveCount(0);
  });
});

test('P10 P12 P14 a lead-partner member starts, a Dezernent declines with a reason, the text is a draft and writable again; a second round is withdrawn', async ({ browser, server }) => {
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const path = await createPosition(anna, uniqueTitle('Stellungnahme mit Ablehnung'));
  await writeAndStart(anna, 'Wir lehnen den Entwurf ab.');

  await signAs(browser, server, DEZERNENTEN.thomas.email, path);
  await expect(signoffPanel(anna)).toContainText('1 von 4 Partnern hat gezeichnet.');

  await test.step('P12: a decline needs a reason; with one, it ends the round', async () => {
    const markus = await signIn(browser, server, DEZERNENTEN.markus.email);
    await markus.goto(path);
    const panel = signoffPanel(markus);
    await panel.getByRole('button', { name: 'Ablehnen' }).click();
    const reason = panel.getByLabel('Begründung der Ablehnung (erforderlich)');
    await expect(reason).toBeFocused();
    await panel.getByRole('button', { name: 'Ablehnung senden' }).click();
    await expect(panel.getByRole('alert')).toHaveText('Bitte begründen Sie die Ablehnung.');
    await reason.fill('Die Kostenfolgen für Braunschweig fehlen.');
    await panel.getByRole('button', { name: 'Ablehnung senden' }).click();
    await expect(panel.getByRole('status')).toContainText('Wieder Entwurf. Stadt Braunschweig hat am');
    await markus.context().close();
  });

  await test.step('P14: for the starter it is a draft again, with the reason, and the text can be written', async () => {
    await expect(signoffPanel(anna).getByRole('status')).toContainText('Begründung: „Die Kostenfolgen für Braunschweig fehlen.“');
    await expect(signoffRow(anna, 'Stadt Braunschweig')).toContainText('abgelehnt');
    await expect(signoffRow(anna, 'Stadt Wolfsburg')).toContainText('gezeichnet, überholt');
    await expect(signoffRow(anna, 'Stadt Salzgitter')).toContainText('keine Antwort');
    await expect(anna.getByText('Entwurf', { exact: true })).toBeVisible();
    await expect(positionText(anna)).toHaveAttribute('aria-readonly', 'false');
    await positionText(anna).click();
    await anna.keyboard.press('End');
    await anna.keyboard.type(' Die Kosten folgen.');
    await expect(textStatus(anna)).toHaveText('Alle Änderungen gespeichert.');
    await expect(positionText(anna)).toHaveText('Wir lehnen den Entwurf ab. Die Kosten folgen.');
  });

  await test.step('P14: a new round on the new text is withdrawn; the approval of the first one stays superseded', async () => {
    await signoffPanel(anna).getByRole('button', { name: 'Zeichnungsrunde starten' }).click();
    await anna.getByRole('dialog', { name: 'Zeichnungsrunde starten?' }).getByRole('button', { name: 'Runde starten' }).click();
    await expect(signoffPanel(anna)).toContainText('0 von 4 Partnern haben gezeichnet.');
    await expect(signoffPanel(anna).getByRole('listitem')).toContainText('Die Zeichnungen dieser Runde (WOB) sind überholt.');
    await signoffPanel(anna).getByRole('button', { name: 'Runde zurückziehen' }).click();
    await anna.getByRole('dialog', { name: 'Zeichnungsrunde zurückziehen?' }).getByRole('button', { name: 'Zurückziehen' }).click();
    await expect(signoffPanel(anna).getByRole('status')).toContainText(`Wieder Entwurf. Die Runde wurde am`);
    await expect(signoffPanel(anna).getByRole('status')).toContainText(`von ${PEOPLE.anna.name} zurückgezogen.`);
    await expect(signoffPanel(anna).getByRole('listitem')).toHaveCount(1);
    await expect(positionText(anna)).toHaveAttribute('aria-readonly', 'false');
  });
});
