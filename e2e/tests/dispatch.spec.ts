import { randomUUID } from 'node:crypto';
import { request, type APIRequestContext, type Page } from '@playwright/test';
import { test, expect, signIn, DEMO_PASSWORD } from '../support/fixtures.js';
import { expectNoViolations } from '../support/axe.js';
import { card, createCard, PEOPLE, uniqueTitle } from '../support/board.js';
import { createPosition, linkCard } from '../support/positions.js';

const HEADERS = { 'X-Requested-With': 'verbund' };
/** The four Dezernenten, in the order of the partners they sign for. */
const DEZERNENTEN = ['thomas.becker@wolfsburg.example', 'markus.weber@braunschweig.example', 'sabine.wolf@salzgitter.example', 'petra.neumann@gifhorn.example'];

/** A calendar day `days` from today in Europe/Berlin, as the form wants it and as the page shows it. */
function officeDay(days: number): { iso: string; shown: string } {
  const at = new Date(Date.now() + days * 86_400_000);
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  const [y, m, d] = iso.split('-');
  return { iso, shown: `${d}.${m}.${y}` };
}

async function signedInApi(baseURL: string, email: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: HEADERS });
  expect((await api.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } })).ok()).toBe(true);
  return api;
}

/** P10–P13 through the API: the lead partner starts the round, each partner's Dezernent approves the round's hash. */
async function adopt(page: Page, baseURL: string, positionId: string): Promise<void> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { memberships: { workspaceId: string }[] };
  const workspaceId = me.memberships[0]?.workspaceId ?? '';
  const roundId = randomUUID();
  const started = await page.request.post(`/api/workspaces/${workspaceId}/positions/${positionId}/signoff`, {
    headers: HEADERS,
    data: { roundId, versionId: randomUUID(), name: 'Zur Zeichnung' },
  });
  expect(started.status()).toBe(201);
  const { hash } = (await started.json()) as { hash: string };
  const { partners } = (await (await page.request.get(`/api/workspaces/${workspaceId}/state`)).json()) as { partners: Record<string, { shortName: string }> };
  const byShort = Object.fromEntries(Object.entries(partners).map(([id, p]) => [p.shortName, id]));
  for (const [i, email] of DEZERNENTEN.entries()) {
    const api = await signedInApi(baseURL, email);
    const partnerId = byShort[['WOB', 'BS', 'SZ', 'GF'][i] ?? ''];
    const payload = { positionId, roundId, partnerId, hash, decision: 'approve', reason: null };
    const answer = await api.post(`/api/workspaces/${workspaceId}/commands`, { data: { id: randomUUID(), workspaceId, type: 'position.answer_signoff', payload } });
    expect(answer.status(), await answer.text()).toBe(200);
    await api.dispose();
  }
}

test('P31 P33 P34 P35 P36 P37 a lead-partner member records the dispatch and a follow-up date, a partner sees both live on the position and the board, then the answer, its outcome and a follow-up initiative', async ({ browser, server }) => {
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const lena = await signIn(browser, server, PEOPLE.lena.email);
  const initiative = uniqueTitle('Breitband Schulen');
  await createCard(anna, initiative);
  const title = uniqueTitle('Stellungnahme Breitband');
  const path = await createPosition(anna, title);
  await linkCard(anna, initiative);
  await adopt(anna, server.url, path.split('/').pop() ?? '');
  await expect(anna.getByText('beschlossen', { exact: true })).toBeVisible();
  await lena.goto(path);

  const section = (page: Page) => page.getByRole('region', { name: 'Versand und Nachverfolgung' });
  const sentOn = officeDay(-10);
  const followUp = officeDay(-1);
  await test.step('Anna records the dispatch by beA with a follow-up date that is already past', async () => {
    const form = section(anna).getByRole('form', { name: 'Versand erfassen' });
    await expect(form.getByLabel('Empfänger')).toHaveValue('Land Niedersachsen');
    await form.getByLabel('Versandweg').selectOption({ label: 'beA/EGVP' });
    await form.getByLabel('Versendet am').fill(sentOn.iso);
    await form.getByLabel('Aktenzeichen').fill('MI 41-05020/3');
    await form.getByLabel('Wiedervorlage').fill(followUp.iso);
    await form.getByRole('button', { name: 'Versand erfassen' }).click();
    await expect(section(anna).getByRole('heading', { name: `Land Niedersachsen – beA/EGVP, versendet am ${sentOn.shown}` })).toBeVisible();
    // The lead partner is told it is due (P33); Lena, of another partner, reads the date in the record only.
    await expect(section(anna).getByText(`Wiedervorlage fällig: Land Niedersachsen (${followUp.shown})`)).toBeVisible();
    await expectNoViolations(anna, 'the dispatch section with a record and its forms');
  });

  await test.step('Lena sees it live: the position is sent, the follow-up is overdue, on the position and on the board', async () => {
    await expect(lena.getByText('versendet', { exact: true })).toBeVisible();
    const record = section(lena).getByRole('listitem');
    await expect(record).toContainText('MI 41-05020/3');
    await expect(record).toContainText(`${followUp.shown} überfällig`);
    await expect(section(lena).getByText('Wiedervorlage fällig')).toHaveCount(0);
    // Lena is of another partner: she reads, the forms are the lead partner's (P38).
    await expect(section(lena).getByRole('button')).toHaveCount(0);
    await lena.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Board' }).click();
    const onBoard = card(lena, initiative);
    await expect(onBoard).toContainText(`Wiedervorlage ${followUp.shown}`);
    await expect(onBoard).toContainText('überfällig');
  });

  const answer = 'Das Land sagt einen Förderaufruf für 2027 zu.\nDie Details folgen im Frühjahr.';
  await test.step('Anna records the answer and its outcome; the position is done, for Lena too', async () => {
    const answerForm = section(anna).getByRole('group', { name: 'Antwort von Land Niedersachsen' });
    await answerForm.getByLabel('Antwort').fill(answer);
    await answerForm.getByRole('button', { name: 'Antwort erfassen' }).click();
    await expect(section(anna).locator('blockquote')).toHaveText(answer);
    await expect(anna.getByText('beantwortet', { exact: true })).toBeVisible();
    const outcome = section(anna).getByRole('group', { name: 'Ergebnis der Antwort von Land Niedersachsen' });
    await outcome.getByLabel('Ergebnis').selectOption({ label: 'angenommen' });
    await outcome.getByRole('button', { name: 'Ergebnis setzen' }).click();
    await expect(anna.getByText('erledigt', { exact: true })).toBeVisible();
    // A closed record waits on no follow-up: the mark leaves the board.
    await expect(card(lena, initiative)).not.toContainText('Wiedervorlage');
  });

  await test.step('Anna makes a follow-up initiative from the answer in one step; Lena sees it on the board', async () => {
    const create = section(anna).getByRole('group', { name: 'Folgeinitiative aus der Antwort von Land Niedersachsen' });
    await expect(create.getByLabel('Titel der Folgeinitiative')).toHaveValue('Das Land sagt einen Förderaufruf für 2027 zu.');
    const followUpTitle = uniqueTitle('Förderaufruf 2027');
    await create.getByLabel('Titel der Folgeinitiative').fill(followUpTitle);
    await create.getByRole('button', { name: 'Folgeinitiative anlegen' }).click();
    await expect(anna.getByRole('button', { name: `Auf dem Board öffnen: ${followUpTitle}` })).toBeVisible();
    await expect(card(lena, followUpTitle)).toBeVisible();
  });
});
