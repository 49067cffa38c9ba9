import { test, expect, signIn } from '../support/fixtures.js';
import { PEOPLE, card, cardDialog, column, createCard, openCard, uniqueTitle } from '../support/board.js';

test('a card checklist is shared live: Anna adds and ticks, Lena sees it and the board card counts it', async ({ browser, server }) => {
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const lena = await signIn(browser, server, PEOPLE.lena.email);
  const title = uniqueTitle('Breitbandausbau');
  await createCard(anna, title, { area: 'Basisdienste' });
  await expect(card(column(lena, 'Basisdienste'), title)).toBeVisible();

  await test.step('Anna adds two items and ticks one; Lena sees them live, the board card shows 1/2', async () => {
    const lenaDialog = await openCard(lena, title, { by: 'click' });
    const dialog = await openCard(anna, title, { by: 'click' });
    const checklist = dialog.getByRole('region', { name: 'Checkliste' });
    for (const text of ['Förderantrag stellen', 'Trassen abstimmen']) {
      await checklist.getByLabel('Neuer Punkt').fill(text);
      await checklist.getByRole('button', { name: 'Punkt hinzufügen' }).click();
      await expect(checklist.getByRole('checkbox', { name: text })).toBeVisible();
    }
    await checklist.getByRole('checkbox', { name: 'Förderantrag stellen' }).check();
    await expect(checklist.getByText('1 von 2 erledigt')).toBeVisible();

    const lenaChecklist = lenaDialog.getByRole('region', { name: 'Checkliste' });
    await expect(lenaChecklist.getByRole('checkbox', { name: 'Förderantrag stellen' })).toBeChecked();
    await expect(lenaChecklist.getByRole('checkbox', { name: 'Trassen abstimmen' })).not.toBeChecked();
    await expect(lenaChecklist.getByRole('list', { name: 'Checkliste' }).getByRole('checkbox')).toHaveCount(2);
    await lenaDialog.getByRole('button', { name: 'Schließen' }).click();
    await expect(cardDialog(lena, title)).toBeHidden();
    await expect(card(column(lena, 'Basisdienste'), title)).toContainText('1/2');
    await expect(card(column(lena, 'Basisdienste'), title)).toHaveAccessibleName(new RegExp('Checkliste: 1 von 2 erledigt'));
  });
});
