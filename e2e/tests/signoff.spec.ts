import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { test, expect, signIn } from '../support/fixtures.js';
import type { RunningServer } from '../support/server.js';
import { expectNoViolations } from '../support/axe.js';
import { createCard, openCard, PEOPLE, uniqueTitle } from '../support/board.js';
import { checkedPdfText, downloadFrom, readText } from '../support/downloads.js';
import { createPosition, linkCard, positionText, signoffPanel, signoffRow, textStatus } from '../support/positions.js';

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
  const cardTitle = uniqueTitle('Gemeinsame Plattform');
  await createCard(claudia, cardTitle);
  const title = uniqueTitle('Stellungnahme zur Zeichnung');
  const path = await createPosition(claudia, title);
  await linkCard(claudia, cardTitle);
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

  // Who signed for whom, as the signature page and the register write it (P53, P54).
  const signatures = [
    [DEZERNENTEN.petra.partner, DEZERNENTEN.petra.name, 'Dezernent'],
    [DEZERNENTEN.markus.partner, DEZERNENTEN.markus.name, 'Dezernent'],
    [DEZERNENTEN.sabine.partner, PEOPLE.jonas.name, `in Vertretung für ${DEZERNENTEN.sabine.name}`],
    [DEZERNENTEN.thomas.partner, DEZERNENTEN.thomas.name, 'Dezernent'],
  ] as const;
  const hash = ((await signoffPanel(claudia).locator('code.hash').first().getAttribute('title')) ?? '').replace('Prüfsumme (SHA-256): ', '');
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  const exports = claudia.getByRole('region', { name: 'Exportieren' });

  await test.step('P46 P47 P50 P51 P53: the adopted PDF, downloaded in the browser, passes qpdf, embeds every font and carries every signature with the hash', async () => {
    const pdf = await downloadFrom(claudia, exports.getByRole('link', { name: 'PDF' }), test.info().outputPath('adopted.pdf'));
    expect(pdf.name).toMatch(/^stellungnahme-zur-zeichnung-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = checkedPdfText(pdf.path);
    expect(text).toContain('Die Partner fordern eine gemeinsame Plattform.');
    expect(text).toContain('Partner: Landkreis Gifhorn, Stadt Braunschweig, Stadt Salzgitter, Stadt Wolfsburg');
    expect(text).toContain('Zeichnung');
    expect(text).not.toContain('Entwurf');
    // One block per signature: partner, person and capacity, time, and the hash signed (pdftotext puts it on a line of its own).
    for (const [partner, person, capacity] of signatures) expect(text).toMatch(new RegExp(`${partner}\nGezeichnet von: ${person}, ${capacity}\nZeitpunkt: [^\n]+\nVersion \\(SHA-256\\):\n${hash}`));
    expect(text).toContain(`SHA-256 ${hash}`);
  });

  await test.step('P42 P43 P53: the Word file and the Markdown, downloaded too; the Markdown names every partner, signer and the hash', async () => {
    const docx = await downloadFrom(claudia, exports.getByRole('link', { name: 'Word (DOCX)' }), test.info().outputPath('adopted.docx'));
    expect(docx.name).toMatch(/\.docx$/);
    const zip = readFileSync(docx.path);
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(zip.includes('word/document.xml')).toBe(true);
    const md = await downloadFrom(claudia, exports.getByRole('link', { name: 'Markdown' }), test.info().outputPath('adopted.md'));
    expect(md.name).toMatch(/\.md$/);
    const markdown = readText(md.path);
    expect(markdown).toContain('- **Status:** beschlossen');
    expect(markdown).toContain(`- **Version (SHA-256):** ${hash}`);
    expect(markdown).toContain('Die Partner fordern eine gemeinsame Plattform.');
    expect(markdown).toContain('## Zeichnung');
    for (const [partner, person, capacity] of signatures) expect(markdown).toMatch(new RegExp(`\\| ${partner} \\| ${person} \\| ${capacity} \\| [^|]+ \\| \`${hash}\` \\|`));
    expect(markdown).not.toContain('Entwurf');
  });

  await test.step('P56: the decision register shows the adopted position with its version and every signature, filters by kind and card, and links to the position', async () => {
    await claudia.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Beschlüsse' }).click();
    const table = claudia.getByRole('table', { name: /beschlossene Position/ });
    const row = table.getByRole('row').filter({ has: claudia.getByRole('rowheader', { name: title }) });
    await expect(row).toContainText('Land Niedersachsen');
    await expect(row.getByRole('cell').nth(1)).toHaveText(new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(new Date()));
    await expect(row.locator('code.hash')).toHaveText(hash.slice(0, 12));
    await expect(row).toContainText(cardTitle);
    for (const [partner, person, capacity] of signatures) await expect(row.getByRole('listitem').filter({ hasText: partner })).toHaveText(`${partner}: ${person} – ${capacity === 'Dezernent' ? 'Dezernent/in' : capacity}`);
    await expectNoViolations(claudia, 'the decision register with an adopted position');
    await claudia.screenshot({ path: test.info().outputPath('register-adopted.png'), fullPage: true });

    await claudia.getByLabel('Art').selectOption({ label: 'Abstimmungen' });
    await claudia.getByRole('button', { name: 'Filtern' }).click();
    await expect(table).toHaveCount(0);
    await expect(claudia.getByRole('table', { name: /aus Abstimmungen/ })).toContainText('Keine Beschlüsse aus Abstimmungen.');
    await claudia.getByLabel('Ergebnis').selectOption({ label: 'angenommen' });
    await claudia.getByLabel('Art').selectOption({ label: 'Positionen' });
    // A verdict is a vote's: asking for positions drops it.
    await expect(claudia.getByLabel('Ergebnis')).toBeDisabled();
    await expect(claudia.getByLabel('Ergebnis')).toHaveValue('');
    await claudia.getByLabel('Initiative').selectOption({ label: cardTitle });
    await claudia.getByRole('button', { name: 'Filtern' }).click();
    await expect(claudia.getByRole('table', { name: '1 beschlossene Position' })).toBeVisible();
    await expect(row).toBeVisible();
    await expect(claudia.getByRole('table', { name: /aus Abstimmungen/ })).toHaveCount(0);
    const markdown = await claudia.request.get((await claudia.getByRole('link', { name: 'Als Markdown exportieren' }).getAttribute('href')) ?? '');
    expect(await markdown.text()).toContain(`  - ${DEZERNENTEN.sabine.partner}: ${PEOPLE.jonas.name}, in Vertretung für ${DEZERNENTEN.sabine.name}, `);
    await row.getByRole('link', { name: title }).click();
    await expect(claudia.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  });

  await test.step('P56: the card dialog shows the position as adopted, with the day', async () => {
    await claudia.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Board' }).click();
    const dialog = await openCard(claudia, cardTitle, { by: 'click' });
    const day = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(new Date());
    await expect(dialog.getByRole('region', { name: 'Positionen' }).getByRole('listitem').filter({ hasText: title })).toContainText(`(beschlossen am ${day})`);
  });
});

test('P10 P12 P14 a lead-partner member starts, a Dezernent declines with a reason, the text is a draft and writable again; a second round is withdrawn', async ({ browser, server }) => {
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const path = await createPosition(anna, uniqueTitle('Stellungnahme mit Ablehnung'));
  await writeAndStart(anna, 'Wir lehnen den Entwurf ab.');

  await signAs(browser, server, DEZERNENTEN.thomas.email, path);
  await expect(signoffPanel(anna)).toContainText('1 von 4 Partnern hat gezeichnet.');
  await signAs(browser, server, DEZERNENTEN.petra.email, path);
  await expect(signoffPanel(anna)).toContainText('2 von 4 Partnern haben gezeichnet.');
  const firstHash = await signoffPanel(anna).locator('code.hash').first().textContent();

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
    await expect(signoffRow(anna, 'Landkreis Gifhorn')).toContainText('gezeichnet, überholt');
    await expect(signoffRow(anna, 'Stadt Salzgitter')).toContainText('keine Antwort');
    await expect(anna.getByText('Entwurf', { exact: true })).toBeVisible();
    await expect(positionText(anna)).toHaveAttribute('aria-readonly', 'false');
    await positionText(anna).click();
    await anna.keyboard.press('End');
    // Typed key by key, as a person writes: the change after the decline is a new text.
    await anna.keyboard.type(' Die Kosten folgen.', { delay: 20 });
    await expect(textStatus(anna)).toHaveText('Alle Änderungen gespeichert.');
    await expect(positionText(anna)).toHaveText('Wir lehnen den Entwurf ab. Die Kosten folgen.');
  });

  await test.step('P14: a new round on the new version carries no approval over; the earlier approvals are shown struck and labelled superseded', async () => {
    await signoffPanel(anna).getByRole('button', { name: 'Zeichnungsrunde starten' }).click();
    await anna.getByRole('dialog', { name: 'Zeichnungsrunde starten?' }).getByRole('button', { name: 'Runde starten' }).click();
    await expect(signoffPanel(anna)).toContainText('Zeichnungsrunde läuft');
    await expect(signoffPanel(anna)).toContainText('0 von 4 Partnern haben gezeichnet.');
    for (const partner of ['Stadt Wolfsburg', 'Stadt Braunschweig', 'Stadt Salzgitter', 'Landkreis Gifhorn']) await expect(signoffRow(anna, partner).getByRole('cell').first()).toHaveText('offen');
    await expect(signoffPanel(anna).getByRole('table', { name: 'Zeichnungen der Partner' })).not.toContainText('gezeichnet');
    const newHash = await signoffPanel(anna).locator('dl code.hash').textContent();
    expect(newHash).toMatch(/^[0-9a-f]{12}$/);
    expect(newHash).not.toBe(firstHash);
    const earlier = signoffPanel(anna).locator('.signoff-earlier > li');
    await expect(earlier).toHaveCount(1);
    await expect(earlier.locator('code.hash')).toHaveText(firstHash ?? '');
    await expect(earlier).toContainText('Die Zeichnungen dieser Runde (GF, WOB) sind überholt.');
    const struck = earlier.getByRole('listitem');
    await expect(struck).toHaveCount(2);
    await expect(struck.nth(0).locator('del')).toContainText(`Landkreis Gifhorn: gezeichnet von ${DEZERNENTEN.petra.name} am`);
    await expect(struck.nth(1).locator('del')).toContainText(`Stadt Wolfsburg: gezeichnet von ${DEZERNENTEN.thomas.name} am`);
    for (const item of await struck.all()) await expect(item).toContainText('gezeichnet, überholt');
    await expectNoViolations(anna, 'the sign-off panel with superseded approvals');
    await signoffPanel(anna).screenshot({ path: test.info().outputPath('signoff-superseded.png') });
    await signoffPanel(anna).getByRole('button', { name: 'Runde zurückziehen' }).click();
    await anna.getByRole('dialog', { name: 'Zeichnungsrunde zurückziehen?' }).getByRole('button', { name: 'Zurückziehen' }).click();
    await expect(signoffPanel(anna).getByRole('status')).toContainText(`Wieder Entwurf. Die Runde wurde am`);
    await expect(signoffPanel(anna).getByRole('status')).toContainText(`von ${PEOPLE.anna.name} zurückgezogen.`);
    await expect(signoffPanel(anna).locator('.signoff-earlier > li')).toHaveCount(1);
    await expect(positionText(anna)).toHaveAttribute('aria-readonly', 'false');
  });
});
