import { test, expect, signIn } from '../support/fixtures.js';
import { expectNoViolations } from '../support/axe.js';
import { PEOPLE, uniqueTitle } from '../support/board.js';
import { createPosition, positionText, selectInText, textStatus } from '../support/positions.js';

test('P8 P9 a version is named, compared with the text a partner changed since, and restored as a new edit both see', async ({ browser, server }) => {
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const lena = await signIn(browser, server, PEOPLE.lena.email);
  const path = await createPosition(anna, uniqueTitle('Stellungnahme mit Fassungen'));
  await positionText(anna).click();
  await anna.keyboard.type('Die Partner fordern einen Zeitplan.');
  await expect(textStatus(anna)).toHaveText('Alle Änderungen gespeichert.');
  await lena.goto(path);

  const versions = (page: typeof anna) => page.getByRole('region', { name: 'Fassungen' });
  await test.step('Anna names the text; Lena sees the version at once, with its checksum', async () => {
    await versions(anna).getByLabel('Name der Fassung').fill('Erster Entwurf');
    await versions(anna).getByRole('button', { name: 'Fassung benennen' }).click();
    await expect(versions(lena).getByRole('listitem').filter({ hasText: 'Erster Entwurf' })).toContainText(`von ${PEOPLE.anna.name}`);
    await expect(versions(lena).locator('code.hash')).toHaveText(/^[0-9a-f]{12}$/);
  });

  await test.step('Lena changes the text; the comparison shows what she put in and took out', async () => {
    await positionText(lena).getByText('einen Zeitplan').click();
    await lena.keyboard.press('End');
    for (let i = 0; i < 'Zeitplan.'.length; i++) await lena.keyboard.press('Backspace');
    await lena.keyboard.type('verbindlichen Zeitplan bis 2027.');
    await expect(textStatus(lena)).toHaveText('Alle Änderungen gespeichert.');
    await versions(anna).getByRole('button', { name: 'Mit dem aktuellen Text vergleichen: Erster Entwurf' }).click();
    const newer = anna.getByRole('region', { name: 'Aktueller Text' });
    const older = anna.getByRole('region', { name: 'Erster Entwurf' });
    await expect(newer.locator('ins')).toContainText(['verbindlichen']);
    await expect(newer.locator('ins').filter({ hasText: '2027' })).toHaveCount(1);
    await expect(older.locator('del')).toHaveCount(0);
    await expect(newer).toContainText('Die Partner fordern einen verbindlichen Zeitplan bis 2027.');
    await expectNoViolations(anna, 'a comparison of two versions');
  });

  await test.step('Anna restores the first version: the text is it again, for Lena too, and the restore can be undone', async () => {
    await versions(anna).getByRole('button', { name: 'Wiederherstellen: Erster Entwurf' }).click();
    await anna.getByRole('dialog').getByRole('button', { name: 'Wiederherstellen' }).click();
    await expect(positionText(anna)).toHaveText('Die Partner fordern einen Zeitplan.');
    await expect(positionText(lena)).toHaveText('Die Partner fordern einen Zeitplan.');
    await expect(textStatus(anna)).toHaveText('Alle Änderungen gespeichert.');
    await anna.getByRole('button', { name: 'Rückgängig (nur Ihre eigenen Änderungen)' }).click();
    await expect(positionText(lena)).toHaveText('Die Partner fordern einen verbindlichen Zeitplan bis 2027.');
  });
});

test('P9 Y18 comparing two versions names who wrote each passage: two people of two partners, inserted and deleted', async ({ browser, server }) => {
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const lena = await signIn(browser, server, PEOPLE.lena.email);
  const path = await createPosition(anna, uniqueTitle('Stellungnahme mit zwei Händen'));
  await positionText(anna).click();
  await anna.keyboard.type('Die Partner fordern einen Zeitplan.');
  await expect(textStatus(anna)).toHaveText('Alle Änderungen gespeichert.');
  await lena.goto(path);
  const versions = (page: typeof anna) => page.getByRole('region', { name: 'Fassungen' });
  const name = async (page: typeof anna, version: string) => {
    await versions(page).getByLabel('Name der Fassung').fill(version);
    await versions(page).getByRole('button', { name: 'Fassung benennen' }).click();
    await expect(versions(page).getByRole('listitem').filter({ hasText: version })).toBeVisible();
  };
  await name(anna, 'Entwurf Wolfsburg');

  await test.step('Lena takes out a word of Anna and writes a paragraph; Anna adds to her sentence', async () => {
    await selectInText(lena, 'einen ');
    await lena.keyboard.press('Backspace');
    await lena.keyboard.press('Control+End');
    await lena.keyboard.press('Enter');
    await lena.keyboard.type('Braunschweig trägt die Kosten.');
    await expect(textStatus(lena)).toHaveText('Alle Änderungen gespeichert.');
    await expect(positionText(anna)).toContainText('Braunschweig trägt die Kosten.');
    await positionText(anna).getByText('Die Partner fordern').click();
    await anna.keyboard.press('End');
    await anna.keyboard.type(' Bis 2027.');
    await expect(textStatus(anna)).toHaveText('Alle Änderungen gespeichert.');
    await expect(positionText(lena)).toContainText('Bis 2027.');
  });

  await test.step('Lena names the text and compares it with Anna’s version: every passage says who wrote it', async () => {
    await name(lena, 'Entwurf gemeinsam');
    const form = versions(lena);
    await form.getByLabel('Ältere Fassung').selectOption({ label: (await form.getByLabel('Ältere Fassung').locator('option', { hasText: 'Entwurf Wolfsburg' }).textContent()) ?? '' });
    await form.getByLabel('Neuere Fassung').selectOption({ label: (await form.getByLabel('Neuere Fassung').locator('option', { hasText: 'Entwurf gemeinsam' }).textContent()) ?? '' });
    await form.getByRole('button', { name: 'Vergleichen', exact: true }).click();
    const older = lena.getByRole('region', { name: 'Entwurf Wolfsburg' });
    const newer = lena.getByRole('region', { name: 'Entwurf gemeinsam' });
    await expect(newer.locator('ins').filter({ hasText: 'Kosten' }).first()).toHaveAttribute('title', new RegExp(`^Geschrieben von ${PEOPLE.lena.name}`));
    await expect(newer.locator('ins').filter({ hasText: 'Kosten' }).first()).toHaveAttribute('data-writer', PEOPLE.lena.name);
    await expect(newer.locator('ins').filter({ hasText: '2027' })).toHaveAttribute('title', new RegExp(`^Geschrieben von ${PEOPLE.anna.name}`));
    await expect(older.locator('del').filter({ hasText: 'einen' })).toHaveAttribute('title', new RegExp(`^Geschrieben von ${PEOPLE.anna.name}`));
    await expect(newer.getByRole('listitem').filter({ hasText: PEOPLE.lena.name })).toContainText(/\d+ Passage/);
    await expect(newer.getByRole('listitem').filter({ hasText: PEOPLE.anna.name })).toContainText(/\d+ Passage/);
    await expect(older.getByRole('listitem')).toHaveText([new RegExp(`^${PEOPLE.anna.name} \\(.+\\): 1 Passage$`)]);
    await expectNoViolations(lena, 'a comparison naming who wrote each passage');
  });
});
