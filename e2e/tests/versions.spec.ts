import { test, expect, signIn } from '../support/fixtures.js';
import { expectNoViolations } from '../support/axe.js';
import { PEOPLE, uniqueTitle } from '../support/board.js';
import { createPosition, positionText, textStatus } from '../support/positions.js';

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
