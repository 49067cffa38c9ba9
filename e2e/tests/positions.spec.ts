import { test, expect, signIn } from '../support/fixtures.js';
import { expectNoViolations } from '../support/axe.js';
import { PEOPLE, card, column, createCard, openCard, uniqueTitle } from '../support/board.js';

test('P1 P2 P4 a position is created, described and linked to an initiative; a partner sees it live, also from the card', async ({ browser, server }) => {
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const lena = await signIn(browser, server, PEOPLE.lena.email);
  const cardTitle = uniqueTitle('Gemeinsames Bürgerkonto');
  const title = uniqueTitle('Stellungnahme zum OZG-Änderungsgesetz');
  await createCard(anna, cardTitle, { area: 'Basisdienste' });
  await expect(card(column(lena, 'Basisdienste'), cardTitle)).toBeVisible();

  await test.step('Lena has the positions list open; Anna creates a position with an addressee and a due date', async () => {
    await lena.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Positionen' }).click();
    await expect(lena.getByRole('heading', { name: 'Positionen', level: 2 })).toBeVisible();
    await expectNoViolations(lena, 'the positions list');

    await anna.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Positionen' }).click();
    await anna.getByRole('button', { name: 'Neue Position' }).click();
    await anna.getByRole('button', { name: 'Position anlegen' }).click();
    await expect(anna.getByRole('alert').filter({ hasText: 'Bitte prüfen: Titel' })).toBeVisible();
    await anna.getByLabel('Titel').fill(title);
    await anna.getByLabel('Art des Adressaten').selectOption({ label: 'Kommunaler IT-Dienstleister' });
    await anna.getByLabel('Name des Adressaten').fill('ITEBO');
    await anna.getByLabel('Fällig am').fill('2027-03-31');
    await anna.getByRole('button', { name: 'Position anlegen' }).click();
    await expect(anna.getByRole('heading', { name: title, level: 2 })).toBeVisible();
    await expect(anna.getByText('ITEBO (Kommunaler IT-Dienstleister)')).toBeVisible();
    await expect(anna.getByText('Stadt Wolfsburg', { exact: true })).toBeVisible();

    const row = lena.getByRole('row').filter({ hasText: title });
    await expect(row).toContainText('ITEBO');
    await expect(row).toContainText('Entwurf');
    await expect(row).toContainText('31.03.2027');
  });

  await test.step('Anna links the initiative; Lena sees the link on the position and in the card dialog', async () => {
    const cards = anna.getByRole('region', { name: 'Betroffene Initiativen' });
    await cards.getByLabel('Initiative verknüpfen').selectOption({ label: cardTitle });
    await cards.getByRole('button', { name: 'Verknüpfen' }).click();
    await expect(cards.getByRole('button', { name: `Auf dem Board öffnen: ${cardTitle}` })).toBeVisible();
    await expectNoViolations(anna, 'a position');

    await expect(lena.getByRole('row').filter({ hasText: title })).toContainText(cardTitle);
    await lena.getByRole('link', { name: title }).click();
    await expect(lena.getByRole('region', { name: 'Betroffene Initiativen' }).getByRole('button', { name: `Auf dem Board öffnen: ${cardTitle}` })).toBeVisible();
    await lena.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Board' }).click();
    const dialog = await openCard(lena, cardTitle, { by: 'click' });
    const positions = dialog.getByRole('region', { name: 'Positionen' });
    await positions.getByRole('button', { name: title }).click();
    await expect(lena.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  });

  await test.step('Lena edits the title; Anna sees the new one; the link is removed again', async () => {
    await lena.getByRole('button', { name: 'Angaben bearbeiten' }).click();
    await lena.getByLabel('Titel').fill(`${title} (Entwurf 2)`);
    await lena.getByRole('button', { name: 'Angaben speichern' }).click();
    await expect(anna.getByRole('heading', { name: `${title} (Entwurf 2)`, level: 2 })).toBeVisible();
    await anna.getByRole('button', { name: `Verknüpfung lösen: ${cardTitle}` }).click();
    await expect(lena.getByRole('region', { name: 'Betroffene Initiativen' }).getByText('Noch mit keiner Initiative verknüpft.')).toBeVisible();
  });
});
