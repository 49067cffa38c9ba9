import { test, expect, signIn } from '../support/fixtures.js';
import { PEOPLE, card, cardDialog, column, createCard, dragByMouse, expectConnected, openCard, startsWith, uniqueTitle } from '../support/board.js';

test('two partners work on one card live, and it all survives a server restart', async ({ browser, server }) => {
  const anna = await signIn(browser, server, PEOPLE.anna.email); // Stadt Wolfsburg
  const lena = await signIn(browser, server, PEOPLE.lena.email); // Stadt Braunschweig
  const lenaUrl = lena.url();
  const title = uniqueTitle('Digitale Bauakte');
  const renamed = `${title} (gemeinsam)`;

  // Anna creates a card; Lena sees it appear without reloading.
  await test.step('create', async () => {
    await createCard(anna, title, { area: 'Basisdienste', status: 'Idee' });
    await expect(card(column(lena, 'Basisdienste'), title)).toBeVisible();
  });

  // Anna edits it; every field shows up for Lena, on the board and in the dialog she opens.
  await test.step('edit', async () => {
    const dialog = await openCard(anna, title, { by: 'click' });
    await dialog.getByLabel('Titel', { exact: true }).fill(renamed);
    await dialog.getByRole('textbox', { name: 'Beschreibung' }).fill('Bauanträge medienbruchfrei zwischen allen Partnern austauschen.');
    await dialog.getByLabel('Federführender Partner').selectOption({ label: 'Stadt Wolfsburg (WOB)' });
    await dialog.getByLabel('Fälligkeitsdatum').fill('2026-06-30');
    await dialog.getByLabel('Adressat').selectOption({ label: 'Land' });
    await dialog.getByLabel('Schlagworte', { exact: true }).fill('Bauen, OZG');
    const partners = dialog.getByRole('group', { name: 'Beteiligte Partner' });
    await partners.getByRole('checkbox', { name: 'Stadt Braunschweig (BS)' }).check();
    await dialog.getByRole('group', { name: 'Verantwortliche Personen' }).getByRole('checkbox', { name: 'Anna Schulz (WOB)' }).check();
    await dialog.getByRole('button', { name: 'Link hinzufügen' }).click();
    await dialog.getByLabel('Adresse (URL) von Link 1').fill('https://example.org/bauakte');
    await dialog.getByLabel('Bezeichnung von Link 1').fill('Konzeptpapier');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await expect(cardDialog(anna, renamed)).toBeVisible();
    await cardDialog(anna, renamed).getByRole('button', { name: 'Schließen' }).click();
    await expect(cardDialog(anna, renamed)).toBeHidden();

    const lenaCard = card(column(lena, 'Basisdienste'), renamed);
    await expect(lenaCard).toBeVisible();
    await expect(lenaCard).toContainText('Verantwortlich: Anna Schulz');
    await expect(lenaCard).toContainText('Bauen');
    await expect(lenaCard).toContainText('OZG');
    await expect(lenaCard).toContainText('30.06.2026');

    const lenaDialog = await openCard(lena, renamed, { by: 'click' });
    await expect(lenaDialog.getByRole('textbox', { name: 'Beschreibung' })).toHaveText('Bauanträge medienbruchfrei zwischen allen Partnern austauschen.');
    await expect(lenaDialog.getByLabel('Federführender Partner').locator('option:checked')).toHaveText('Stadt Wolfsburg (WOB)');
    await expect(lenaDialog.getByLabel('Adressat').locator('option:checked')).toHaveText('Land');
    await expect(lenaDialog.getByRole('group', { name: 'Beteiligte Partner' }).getByRole('checkbox', { name: 'Stadt Braunschweig (BS)' })).toBeChecked();
    await expect(lenaDialog.getByRole('link', { name: 'Konzeptpapier' })).toHaveAttribute('href', 'https://example.org/bauakte');
    await lenaDialog.getByRole('button', { name: 'Schließen' }).click();
    await expect(lenaDialog).toBeHidden();
  });

  // Anna drags the card with the mouse to "Online-Dienste"; Lena sees it move.
  await test.step('move by mouse', async () => {
    await dragByMouse(anna, card(anna, renamed), column(anna, 'Online-Dienste'), 'Online-Dienste');
    await expect(card(column(anna, 'Online-Dienste'), renamed)).toBeVisible();
    await expect(card(column(lena, 'Online-Dienste'), renamed)).toBeVisible();
    await expect(card(column(lena, 'Basisdienste'), renamed)).toHaveCount(0);
  });

  // Anna moves it on with the keyboard: one column right, then one place within that column.
  let fachverfahrenIndex = -1;
  await test.step('move by keyboard', async () => {
    const annaCard = card(anna, renamed);
    await annaCard.focus();
    await anna.keyboard.press('Alt+ArrowRight');
    await expect(anna.getByTestId('announcer')).toContainText(`„${renamed}“ verschoben nach Fachverfahren`);
    await expect(card(column(anna, 'Fachverfahren'), renamed)).toBeFocused();
    await expect(card(column(lena, 'Fachverfahren'), renamed)).toBeVisible();

    // A move to the neighbouring column keeps the card's index; read where it landed from the announcement.
    const moved = (await anna.getByTestId('announcer').textContent()) ?? '';
    const [, at, of] = /Position (\d+) von (\d+)/.exec(moved) ?? [];
    const position = Number(at);
    const total = Number(of);
    expect(total).toBeGreaterThan(1);
    // Then reorder within the column: down if it can go down, else up.
    const down = position < total;
    await anna.keyboard.press(down ? 'Alt+ArrowDown' : 'Alt+ArrowUp');
    const expected = down ? position + 1 : position - 1;
    await expect(anna.getByTestId('announcer')).toContainText(`Position ${expected} von ${total}`);
    await expect(card(anna, renamed)).toBeFocused();
    await expect(column(anna, 'Fachverfahren').getByRole('button').nth(expected - 1)).toHaveAccessibleName(startsWith(renamed));
    await expect(column(lena, 'Fachverfahren').getByRole('button').nth(expected - 1)).toHaveAccessibleName(startsWith(renamed));
    fachverfahrenIndex = expected - 1;
  });

  // Anna comments; Lena, who has the card open, sees the comment arrive.
  const comment = 'Braunschweig übernimmt den Piloten für die Schnittstelle zu XBau.';
  await test.step('comment', async () => {
    const lenaDialog = await openCard(lena, renamed);
    await expect(lenaDialog.getByText('Noch keine Kommentare.')).toBeVisible();
    const annaDialog = await openCard(anna, renamed);
    await annaDialog.getByRole('textbox', { name: 'Neuer Kommentar' }).fill(comment);
    await annaDialog.getByRole('button', { name: 'Kommentieren' }).click();
    await expect(annaDialog.getByText(comment)).toBeVisible();
    const lenaComment = lenaDialog.getByRole('listitem').filter({ hasText: comment });
    await expect(lenaComment).toHaveCount(1);
    await expect(lenaComment).toContainText('Anna Schulz');
    // The history of the card, as Lena sees it, names who did what.
    await expect(lenaDialog.getByText('hat kommentiert')).toBeVisible();
    await expect(lenaDialog.getByText('hat die Initiative angelegt')).toBeVisible();
    await annaDialog.getByRole('button', { name: 'Schließen' }).click();
    await lenaDialog.getByRole('button', { name: 'Schließen' }).click();
  });

  // The server restarts (graceful) on the same data: both reconnect, and after a reload everything is there.
  await test.step('server restart', async () => {
    await server.restart();
    await expectConnected(anna);
    await expectConnected(lena);
    await lena.goto(lenaUrl);
    await expectConnected(lena);
    const lenaCard = card(column(lena, 'Fachverfahren'), renamed);
    await expect(lenaCard).toBeVisible();
    await expect(column(lena, 'Fachverfahren').getByRole('button').nth(fachverfahrenIndex)).toHaveAccessibleName(startsWith(renamed));
    await expect(lenaCard).toContainText('Verantwortlich: Anna Schulz');
    const dialog = await openCard(lena, renamed);
    await expect(dialog.getByRole('textbox', { name: 'Beschreibung' })).toHaveText('Bauanträge medienbruchfrei zwischen allen Partnern austauschen.');
    await expect(dialog.getByLabel('Schlagworte', { exact: true })).toHaveValue('Bauen, OZG');
    await expect(dialog.getByRole('link', { name: 'Konzeptpapier' })).toBeVisible();
    await expect(dialog.getByRole('listitem').filter({ hasText: comment })).toHaveCount(1);

    // And the live connection still carries edits both ways after the restart.
    await dialog.getByRole('textbox', { name: 'Neuer Kommentar' }).fill('Nach dem Neustart: alles da.');
    await dialog.getByRole('button', { name: 'Kommentieren' }).click();
    const annaDialog = await openCard(anna, renamed);
    await expect(annaDialog.getByText('Nach dem Neustart: alles da.')).toBeVisible();
  });
});
