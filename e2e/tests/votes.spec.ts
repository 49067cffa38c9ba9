import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, signIn } from '../support/fixtures.js';
import { PEOPLE, createCard, openCard, uniqueTitle } from '../support/board.js';

const CLAUDIA = 'claudia.richter@braunschweig.example';
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const report = results.violations.map((v) => `${v.id} (${v.impact ?? '?'}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(report, `axe violations on ${what}`).toEqual([]);
}

/** The vote panel in a card dialog: an article named by the vote's title. */
const votePanel = (dialog: Locator, title: string) => dialog.getByRole('article', { name: title });

async function cast(panel: Locator, position: string): Promise<void> {
  await panel.getByRole('radio', { name: position, exact: true }).check();
  await panel.getByRole('button', { name: 'Stimme abgeben' }).click();
}

test('four partners vote on a proposal live, one blocks, the moderator closes, the decision is on the card and in the register', async ({ browser, server }) => {
  test.setTimeout(120_000);
  const moderator = await signIn(browser, server, CLAUDIA);
  const voters = await Promise.all([PEOPLE.anna, PEOPLE.lena, PEOPLE.jonas, PEOPLE.mehmet].map((p) => signIn(browser, server, p.email)));
  const [, lena, jonas, mehmet] = voters as [Page, Page, Page, Page];
  const cardTitle = uniqueTitle('Gemeinsamer Chatbot');
  const voteTitle = 'Chatbot gemeinsam beschaffen';

  // The moderator opens a per-partner consent proposal on a card: any member casts, results live.
  await createCard(moderator, cardTitle);
  const modDialog = await openCard(moderator, cardTitle);
  await modDialog.getByRole('button', { name: 'Abstimmung starten' }).click();
  const form = modDialog.getByRole('form', { name: 'Neue Abstimmung zu dieser Initiative' });
  await form.getByLabel('Titel', { exact: true }).fill(voteTitle);
  await form.getByLabel('Wer gibt die Partnerstimme ab?').selectOption({ label: 'Stimme durch jedes Mitglied des Partners' });
  await expect(form.getByLabel('Mehrheitsregel')).toHaveValue('consent');
  await expect(form.getByLabel('Ergebnis sichtbar')).toHaveValue('live');
  await form.getByRole('button', { name: 'Abstimmung starten' }).click();
  const modPanel = votePanel(modDialog, voteTitle);
  await expect(modPanel).toContainText('0 von 4 Partnern haben abgestimmt');

  // Everyone has it waiting for them, and opens the card.
  const panels: Locator[] = [];
  for (const page of voters) {
    await expect(page.getByRole('navigation').getByRole('link', { name: /Abstimmungen/ })).toContainText('1');
    panels.push(votePanel(await openCard(page, cardTitle), voteTitle));
  }
  const [annaPanel, lenaPanel, jonasPanel, mehmetPanel] = panels as [Locator, Locator, Locator, Locator];
  for (const panel of panels) await expect(panel).toContainText('Noch nicht abgestimmt: BS, GF, SZ, WOB');

  // Anna votes first: the count changes for everyone at once.
  await cast(annaPanel, 'Zustimmung');
  for (const panel of [...panels, modPanel]) await expect(panel).toContainText('1 von 4 Partnern haben abgestimmt');
  await expect(lenaPanel.getByRole('list', { name: 'Stimmen je Option' })).toContainText('Zustimmung 1');

  // The other three at the same time; Gifhorn blocks.
  await Promise.all([cast(lenaPanel, 'Zustimmung'), cast(jonasPanel, 'Zustimmung'), cast(mehmetPanel, 'Veto')]);
  for (const panel of [...panels, modPanel]) {
    await expect(panel).toContainText('4 von 4 Partnern haben abgestimmt');
    await expect(panel.getByRole('list', { name: 'Stimmen je Option' })).toContainText('Zustimmung 3');
    await expect(panel.getByRole('list', { name: 'Stimmen je Option' })).toContainText('Veto 1');
  }
  await expect(mehmetPanel).toContainText('Stimme Ihres Partners (abgegeben von Mehmet Yılmaz): Veto');
  await moderator.screenshot({ path: test.info().outputPath('votes-live.png'), fullPage: true });
  await expectNoViolations(mehmet, 'the card dialog with an open vote');

  // The moderator closes: the result appears for everyone.
  await modPanel.getByRole('button', { name: 'Abstimmung beenden' }).click();
  for (const panel of [...panels, modPanel]) await expect(panel).toContainText('abgelehnt – ein Veto');
  await expect(annaPanel.getByRole('button', { name: 'Stimme abgeben' })).toHaveCount(0);

  // The outcome statement turns the vote into a decision on the card …
  const statement = 'Nicht beschlossen: Gifhorn hat ein Veto eingelegt; neuer Anlauf im Herbst.';
  await modPanel.getByLabel('Beschlusstext').fill(statement);
  await modPanel.getByRole('button', { name: 'Beschluss festhalten' }).click();
  for (const panel of [...panels, modPanel]) await expect(panel).toContainText(statement);
  await jonas.screenshot({ path: test.info().outputPath('votes-card-decision.png'), fullPage: true });
  await expectNoViolations(jonas, 'the card dialog with a decision');

  // … and in the register, filterable and exportable.
  await lena.getByRole('button', { name: 'Schließen' }).first().click();
  await lena.getByRole('navigation').getByRole('link', { name: 'Beschlüsse' }).click();
  await expect(lena.getByRole('heading', { level: 2, name: 'Beschlüsse' })).toBeVisible();
  const row = lena.getByRole('row', { name: new RegExp(voteTitle) });
  await expect(row).toContainText('abgelehnt');
  await expect(row).toContainText(statement);
  await lena.getByLabel('Initiative').selectOption({ label: cardTitle });
  await lena.getByLabel('Ergebnis').selectOption({ label: 'angenommen' });
  await lena.getByRole('button', { name: 'Filtern' }).click();
  await expect(row).toHaveCount(0);
  await lena.getByLabel('Ergebnis').selectOption({ label: 'abgelehnt' });
  await lena.getByRole('button', { name: 'Filtern' }).click();
  await expect(row).toBeVisible();
  const csv = lena.getByRole('link', { name: 'Als CSV exportieren' });
  await expect(csv).toHaveAttribute('href', /format=csv/);
  const markdown = await lena.request.get((await lena.getByRole('link', { name: 'Als Markdown exportieren' }).getAttribute('href')) ?? '');
  expect(await markdown.text()).toContain(`## ${voteTitle}`);
  await lena.screenshot({ path: test.info().outputPath('votes-register.png'), fullPage: true });
  await expectNoViolations(lena, 'the decision register');
});

test('a workspace-wide choice with results hidden until close waits for each person and shows no counts before close', async ({ browser, server }) => {
  const moderator = await signIn(browser, server, CLAUDIA);
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const title = uniqueTitle('Termin der Klausur');

  await moderator.getByRole('navigation').getByRole('link', { name: /Abstimmungen/ }).click();
  await moderator.getByRole('button', { name: 'Abstimmung für den ganzen Verbund starten' }).click();
  const form = moderator.getByRole('form', { name: 'Neue Abstimmung für den Verbund' });
  await form.getByLabel('Titel', { exact: true }).fill(title);
  await form.getByLabel('Art', { exact: true }).selectOption({ label: 'Auswahl' });
  await form.getByLabel('Zählung', { exact: true }).selectOption({ label: 'je Person eine Stimme' });
  await form.getByLabel('Ergebnis sichtbar', { exact: true }).selectOption({ label: 'Ergebnis erst nach Abschluss sichtbar' });
  await form.getByLabel('Optionen (eine je Zeile, mindestens zwei)').fill('März\nApril\nMai');
  await form.getByRole('button', { name: 'Abstimmung starten' }).click();

  const link = anna.getByRole('navigation').getByRole('link', { name: /Abstimmungen/ });
  await expect(link).toContainText(/(wartet|warten) auf Ihre Stimme/);
  await link.click();
  const waiting = anna.getByRole('region', { name: /Wartet auf Ihre Stimme/ });
  const panel = waiting.getByRole('article', { name: title });
  await expect(panel).toContainText('Das Ergebnis ist bis zum Abschluss verborgen.');
  await panel.getByRole('radio', { name: 'April' }).check();
  await panel.getByRole('button', { name: 'Stimme abgeben' }).click();
  await expect(anna.getByRole('region', { name: /Wartet auf Ihre Stimme/ }).getByRole('article', { name: title })).toHaveCount(0);
  const voted = anna.getByRole('article', { name: title });
  await expect(voted).toContainText('Ihre Stimme: April');
  await expect(voted).toContainText('Das Ergebnis ist bis zum Abschluss verborgen.');
  await expect(moderator.getByRole('article', { name: title })).toContainText(/1 von \d+ Personen haben abgestimmt/);
  await expect(moderator.getByRole('article', { name: title }).getByRole('list', { name: 'Stimmen je Option' })).toHaveCount(0);
  await anna.screenshot({ path: test.info().outputPath('votes-page.png'), fullPage: true });
  await expectNoViolations(anna, 'the votes page');

  await moderator.getByRole('article', { name: title }).getByRole('button', { name: 'Abstimmung beenden' }).click();
  await expect(voted.getByRole('list', { name: 'Stimmen je Option' })).toContainText('April 1');
  await expect(voted).toContainText('Rangfolge');
});

test('D37 D38 a secret ballot shows how many voted and its result only after close, never who has not voted', async ({ browser, server }) => {
  const moderator = await signIn(browser, server, CLAUDIA);
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const title = uniqueTitle('Geheime Wahl der Sprecherin');

  await moderator.getByRole('navigation').getByRole('link', { name: /Abstimmungen/ }).click();
  await moderator.getByRole('button', { name: 'Abstimmung für den ganzen Verbund starten' }).click();
  const form = moderator.getByRole('form', { name: 'Neue Abstimmung für den Verbund' });
  await form.getByLabel('Titel', { exact: true }).fill(title);
  await form.getByLabel('Zählung', { exact: true }).selectOption({ label: 'je Person eine Stimme' });
  await form.getByLabel('Geheime Abstimmung (nur je Person)').check();
  // No visibility to choose: a secret ballot shows its result after close (D37).
  await expect(form.getByLabel('Ergebnis sichtbar', { exact: true })).toHaveCount(0);
  await expect(form).toContainText('Geheime Abstimmung: Ergebnis erst nach Abschluss sichtbar');
  await form.getByRole('button', { name: 'Abstimmung starten' }).click();

  await anna.getByRole('navigation').getByRole('link', { name: /Abstimmungen/ }).click();
  const panel = anna.getByRole('region', { name: /Wartet auf Ihre Stimme/ }).getByRole('article', { name: title });
  await cast(panel, 'Zustimmung');
  const voted = anna.getByRole('article', { name: title });
  await expect(voted).toContainText('Ihre Stimme: Zustimmung');
  const watching = moderator.getByRole('article', { name: title });
  await expect(watching).toContainText(/1 von \d+ Personen haben abgestimmt/);
  await expect(watching).toContainText('Ergebnis nach Abschluss.');
  await expect(watching).not.toContainText('Noch nicht abgestimmt');
  await expect(watching.getByRole('list', { name: 'Stimmen je Option' })).toHaveCount(0);
  await expectNoViolations(moderator, 'an open secret ballot');

  await watching.getByRole('button', { name: 'Abstimmung beenden' }).click();
  await expect(voted.getByRole('list', { name: 'Stimmen je Option' })).toContainText('Zustimmung 1');
  await expect(voted).toContainText(/1 von \d+ Personen haben abgestimmt/);
});
