import { test, expect, signIn } from '../support/fixtures.js';
import { PEOPLE, card, cardDialog, column, createCard, openCard } from '../support/board.js';

test('HTML and script in a title and a comment show as literal text and never run', async ({ browser, server }) => {
  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const lena = await signIn(browser, server, PEOPLE.lena.email);
  const ran: string[] = [];
  for (const page of [anna, lena]) {
    page.on('dialog', (dialog) => {
      ran.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.exposeFunction('__pwned', (who: string) => ran.push(who));
  }

  const suffix = Date.now().toString(36);
  const title = `<img src=x onerror="alert('title')"><script>window.__pwned('title')</script> & Co ${suffix}`;
  const comment = `<b>fett</b><svg onload="alert('comment')"></svg><script>window.__pwned('comment')</script> "zitiert" ${suffix}`;

  await createCard(anna, title, { area: 'Schnittstellen' });
  const lenaCard = card(column(lena, 'Schnittstellen'), title);
  await expect(lenaCard).toBeVisible();
  await expect(lenaCard.locator('.card-title')).toHaveText(title);
  await expect(lenaCard.locator('img, script, svg')).toHaveCount(0);

  const annaDialog = await openCard(anna, title);
  await annaDialog.getByRole('textbox', { name: 'Neuer Kommentar' }).fill(comment);
  await annaDialog.getByRole('button', { name: 'Kommentieren' }).click();

  const lenaDialog = await openCard(lena, title);
  await expect(lenaDialog.getByRole('heading', { level: 2 })).toHaveText(title);
  await expect(lenaDialog.getByLabel('Titel', { exact: true })).toHaveValue(title);
  const shown = lenaDialog.getByText(comment, { exact: true });
  await expect(shown).toBeVisible();
  await expect(lenaDialog.locator('.comment-list b, .comment-list svg, .comment-list script, .dialog-header img')).toHaveCount(0);
  await expect(cardDialog(anna, title).getByText(comment, { exact: true })).toBeVisible();

  // The history names the action, not the markup, and nothing ran anywhere along the way.
  await expect(lenaDialog.getByText('hat kommentiert')).toBeVisible();
  await expect(anna.locator('img[src="x"]')).toHaveCount(0);
  await expect(lena.locator('img[src="x"]')).toHaveCount(0);
  expect(ran).toEqual([]);
});
