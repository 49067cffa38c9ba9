import { test, expect, signIn } from '../support/fixtures.js';
import { expectNoViolations } from '../support/axe.js';
import { PEOPLE, uniqueTitle } from '../support/board.js';
import { createPosition, positionText, selectInText, textStatus } from '../support/positions.js';

test('comments on a passage stay on it while others write around it; a proposed change is accepted as an edit, and both are recorded', async ({ browser, server }) => {
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const lena = await signIn(browser, server, PEOPLE.lena.email);
  const path = await createPosition(anna, uniqueTitle('Stellungnahme mit Anmerkungen'));
  await positionText(anna).click();
  await anna.keyboard.type('Die Kosten trägt das Land allein.');
  await expect(textStatus(anna)).toHaveText('Alle Änderungen gespeichert.');
  await lena.goto(path);
  const annotations = (page: typeof anna) => page.getByRole('region', { name: /Anmerkungen/ });

  await test.step('Lena selects “das Land” and comments; Anna sees the thread and the marked passage', async () => {
    await selectInText(lena, 'das Land');
    await annotations(lena).getByRole('button', { name: 'Kommentieren' }).click();
    await annotations(lena).getByLabel('Kommentar', { exact: true }).fill('Ist das mit dem Land abgestimmt?');
    await annotations(lena).getByRole('button', { name: 'Kommentar senden' }).click();
    const thread = annotations(anna).getByRole('listitem', { name: `Kommentar von ${PEOPLE.lena.name}` });
    await expect(thread).toContainText('Ist das mit dem Land abgestimmt?');
    await expect(thread.locator('blockquote')).toHaveText('das Land');
    await expect(positionText(anna).locator('.annotation-mark')).toHaveText('das Land');
  });

  await test.step('Anna writes before the passage; the mark stays on “das Land”; she replies', async () => {
    await positionText(anna).click();
    await anna.keyboard.press('Home');
    await anna.keyboard.type('Nach Auffassung der Partner: ');
    await expect(positionText(lena).locator('.annotation-mark')).toHaveText('das Land');
    await expect(positionText(lena)).toContainText('Nach Auffassung der Partner: Die Kosten');
    const thread = annotations(anna).getByRole('listitem', { name: `Kommentar von ${PEOPLE.lena.name}` });
    await thread.getByPlaceholder('Antworten …').fill('Noch nicht, ich frage nach.');
    await thread.getByRole('button', { name: 'Antworten' }).click();
    await expect(annotations(lena).getByRole('listitem', { name: `Kommentar von ${PEOPLE.lena.name}` })).toContainText('Noch nicht, ich frage nach.');
  });

  await test.step('Anna proposes “Land und Kommunen gemeinsam” for “das Land allein”; Lena accepts it: the text changes for both', async () => {
    await selectInText(anna, 'das Land allein');
    await annotations(anna).getByRole('button', { name: 'Änderung vorschlagen' }).click();
    await annotations(anna).getByLabel('Neuer Wortlaut').fill('Land und Kommunen gemeinsam');
    await annotations(anna).getByRole('button', { name: 'Vorschlag senden' }).click();
    const proposal = annotations(lena).getByRole('listitem', { name: `Vorschlag von ${PEOPLE.anna.name}` });
    await expect(proposal).toContainText('Land und Kommunen gemeinsam');
    await expectNoViolations(lena, 'a text with a comment and a proposal');
    await proposal.getByRole('button', { name: 'Annehmen' }).click();
    for (const page of [lena, anna]) await expect(positionText(page)).toHaveText('Nach Auffassung der Partner: Die Kosten trägt Land und Kommunen gemeinsam.');
    await annotations(anna).getByText(/erledigte oder entschiedene Anmerkung/).click();
    await expect(annotations(anna).getByRole('listitem', { name: `Vorschlag von ${PEOPLE.anna.name}` })).toContainText(`Angenommen von ${PEOPLE.lena.name}`);
  });
});
