import { test, expect, signIn } from '../support/fixtures.js';
import { PEOPLE, card, column, createCard, openCard, uniqueTitle } from '../support/board.js';

test('the other partner sees who is on the board, who looks at a card and who edits it', async ({ browser, server }) => {
  const jonas = await signIn(browser, server, PEOPLE.jonas.email); // Stadt Salzgitter
  const mehmet = await signIn(browser, server, PEOPLE.mehmet.email); // Landkreis Gifhorn
  const title = uniqueTitle('Gemeinsames Bürgerportal');
  await createCard(jonas, title, { area: 'Online-Dienste' });

  const onBoard = mehmet.getByRole('region', { name: 'Auf dem Board' });
  await expect(onBoard.getByRole('listitem').filter({ hasText: PEOPLE.jonas.name })).toBeVisible();
  await expect(onBoard.getByRole('listitem').filter({ hasText: PEOPLE.mehmet.name })).toContainText('(Sie)');
  await expect(jonas.getByRole('region', { name: 'Auf dem Board' }).getByRole('listitem').filter({ hasText: PEOPLE.mehmet.name })).toBeVisible();

  const mehmetCard = card(column(mehmet, 'Online-Dienste'), title);
  await expect(mehmetCard).toBeVisible();
  await expect(mehmetCard).not.toContainText(PEOPLE.jonas.name);

  // Jonas opens the card: Mehmet sees him looking at it.
  const dialog = await openCard(jonas, title);
  await expect(mehmetCard).toContainText(`Sieht sich an: ${PEOPLE.jonas.name}`);

  // Jonas starts typing in it: now he is editing.
  await dialog.getByRole('textbox', { name: 'Beschreibung' }).click();
  await dialog.getByRole('textbox', { name: 'Beschreibung' }).pressSequentially('Entwurf');
  await expect(mehmetCard).toContainText(`Bearbeitet: ${PEOPLE.jonas.name}`);
  await expect(mehmetCard).not.toContainText('Sieht sich an');

  // Mehmet opens the same card: the dialog shows Jonas editing; Jonas sees Mehmet looking.
  const mehmetDialog = await openCard(mehmet, title);
  await expect(mehmetDialog).toContainText(`Bearbeitet: ${PEOPLE.jonas.name}`);
  await expect(dialog).toContainText(`Sieht sich an: ${PEOPLE.mehmet.name}`);
  await mehmetDialog.getByRole('button', { name: 'Schließen' }).click();

  // Jonas closes the card: the marks go away.
  await dialog.getByRole('button', { name: 'Schließen' }).click();
  await expect(mehmetCard).not.toContainText(PEOPLE.jonas.name);

  // Jonas leaves (closes his browser): he disappears from "Auf dem Board".
  await jonas.context().close();
  await expect(onBoard.getByRole('listitem').filter({ hasText: PEOPLE.jonas.name })).toHaveCount(0);
});
