import { test, expect, signIn } from '../support/fixtures.js';
import { expectNoViolations } from '../support/axe.js';
import { PEOPLE, card, createCard, openCard, uniqueTitle } from '../support/board.js';
import { createPosition, positionText, textStatus } from '../support/positions.js';

test('Y3 Y16 two partners type in the same paragraph at once: nothing is lost, each sees the other’s caret by name and partner', async ({ browser, server }) => {
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const lena = await signIn(browser, server, PEOPLE.lena.email);
  const path = await createPosition(anna, uniqueTitle('Stellungnahme Breitband'));
  await lena.goto(path);
  const annaText = positionText(anna);
  const lenaText = positionText(lena);

  await test.step('Anna writes a heading and a first sentence; Lena sees them live', async () => {
    await annaText.click();
    await anna.getByRole('button', { name: 'Überschrift', exact: true }).click();
    await anna.keyboard.type('Forderungen der Partner');
    await anna.keyboard.press('Enter');
    await anna.keyboard.type('Die Partner fordern.');
    await expect(lenaText.getByRole('heading', { level: 2, name: 'Forderungen der Partner' })).toBeVisible();
    await expect(lenaText).toContainText('Die Partner fordern.');
    await expect(textStatus(anna)).toHaveText('Alle Änderungen gespeichert.');
  });

  await test.step('both type into that paragraph at the same time, Anna at its start, Lena at its end', async () => {
    await lenaText.getByText('Die Partner fordern.').click();
    await lena.keyboard.press('End');
    await anna.keyboard.press('Home');
    const annaWords = 'Gemeinsam: ';
    const lenaWords = ' Und zwar bis Ende 2027 für alle vier Kommunen.';
    await Promise.all([anna.keyboard.type(annaWords, { delay: 40 }), lena.keyboard.type(lenaWords, { delay: 25 })]);
    const sentence = `${annaWords}Die Partner fordern.${lenaWords}`;
    await expect(annaText.locator('p')).toHaveText(sentence);
    await expect(lenaText.locator('p')).toHaveText(sentence);
  });

  await test.step('each sees the other’s caret labelled with name and partner, and who is in the text', async () => {
    await expect(anna.locator('.collab-caret')).toHaveAttribute('data-label', 'Lena Hoffmann · BS');
    await expect(lena.locator('.collab-caret')).toHaveAttribute('data-label', 'Anna Schulz · WOB');
    await expect(lena.getByRole('list', { name: 'Gerade im Text' })).toContainText('Anna Schulz');
    await expectNoViolations(lena, 'a position with its text open');
  });

  await test.step('a reload shows exactly the stored text, once', async () => {
    await lena.reload();
    await expect(positionText(lena).locator('p')).toHaveText('Gemeinsam: Die Partner fordern. Und zwar bis Ende 2027 für alle vier Kommunen.');
    await expect(positionText(lena).getByRole('heading', { level: 2 })).toHaveCount(1);
  });
});

test('Y3 text typed offline stays in the browser, survives closing the tab and is merged with a partner’s edits once back online; signing out deletes it', async ({ browser, server }) => {
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const lena = await signIn(browser, server, PEOPLE.lena.email);
  const path = await createPosition(anna, uniqueTitle('Stellungnahme offline'));
  await positionText(anna).click();
  await anna.keyboard.type('Erster Absatz.');
  await lena.goto(path);
  await expect(positionText(lena)).toContainText('Erster Absatz.');

  await lena.context().setOffline(true);
  await expect(textStatus(lena)).toContainText('Keine Verbindung');
  await positionText(lena).getByText('Erster Absatz.').click();
  await lena.keyboard.press('End');
  await lena.keyboard.type(' Offline ergänzt.');
  await expect(textStatus(lena)).toHaveText(/Ihre Änderungen bleiben auf diesem Gerät/);
  // Meanwhile Anna writes a second paragraph online.
  await positionText(anna).click();
  await anna.keyboard.press('Control+End');
  await anna.keyboard.press('Enter');
  await anna.keyboard.type('Zweiter Absatz von Anna.');
  await expect(textStatus(anna)).toHaveText('Alle Änderungen gespeichert.');
  await expect(positionText(anna)).not.toContainText('Offline ergänzt.');

  // Lena closes the tab while still offline; later she opens the position again, online.
  const context = lena.context();
  await expect.poll(() => lena.evaluate(() => indexedDB.databases().then((dbs) => dbs.some((db) => db.name?.includes(':position:'))))).toBe(true);
  await lena.close();
  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto(path);
  for (const page of [again, anna]) {
    await expect(positionText(page).locator('p').first()).toHaveText('Erster Absatz. Offline ergänzt.');
    await expect(positionText(page).locator('p').nth(1)).toHaveText('Zweiter Absatz von Anna.');
  }
  await expect(textStatus(again)).toHaveText('Alle Änderungen gespeichert.');
  await anna.reload();
  await expect(positionText(anna).locator('p').first()).toHaveText('Erster Absatz. Offline ergänzt.');

  // Signing out leaves none of Lena's texts on this device (a shared office computer).
  const localTexts = () => again.evaluate(() => indexedDB.databases().then((dbs) => dbs.filter((db) => db.name?.startsWith('verbund:')).length));
  expect(await localTexts()).toBeGreaterThan(0);
  await again.getByRole('button', { name: 'Abmelden' }).click();
  await expect(again.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
  await expect.poll(localTexts).toBe(0);
});

test('Y17 two partners write one card description at once: both texts stay, the card follows, and its history names both', async ({ browser, server }) => {
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const lena = await signIn(browser, server, PEOPLE.lena.email);
  const title = uniqueTitle('Gemeinsame Beschreibung');
  await createCard(anna, title);
  const annaDialog = await openCard(anna, title);
  const lenaDialog = await openCard(lena, title);
  const annaText = annaDialog.getByRole('textbox', { name: 'Beschreibung' });
  const lenaText = lenaDialog.getByRole('textbox', { name: 'Beschreibung' });

  await annaText.click();
  await anna.keyboard.type('Ziel: ein Portal.');
  await expect(lenaText).toHaveText('Ziel: ein Portal.');
  await lenaText.click();
  await lena.keyboard.press('End');
  await anna.keyboard.press('Home');
  // Before, the last save won silently; now both type at the same moment and both texts stay.
  await Promise.all([anna.keyboard.type('Entwurf – ', { delay: 30 }), lena.keyboard.type(' Mit Bezahldienst.', { delay: 30 })]);
  const both = 'Entwurf – Ziel: ein Portal. Mit Bezahldienst.';
  await expect(annaText).toHaveText(both);
  await expect(lenaText).toHaveText(both);
  await expect(annaDialog.locator('.collab-status')).toHaveText('Alle Änderungen gespeichert.');

  // The card itself follows the text once the writing pauses: the board's search finds Lena's words.
  await annaDialog.getByRole('button', { name: 'Schließen' }).click();
  await anna.getByLabel('Volltextsuche').fill('Bezahldienst');
  await expect(card(anna, title)).toBeVisible();
  await expect(lenaDialog.getByRole('listitem').filter({ hasText: 'hat die Beschreibung geändert' })).toContainText(`${PEOPLE.anna.name}`);
  await expect(lenaDialog.getByRole('listitem').filter({ hasText: 'hat die Beschreibung geändert' })).toContainText(`${PEOPLE.lena.name}`);
});
