import { expect, type Locator, type Page } from '@playwright/test';

export const WORKSPACE_NAME = 'Digitalisierungskooperation Ost-Niedersachsen';

export const PEOPLE = {
  anna: { email: 'anna.schulz@wolfsburg.example', name: 'Anna Schulz' },
  lena: { email: 'lena.hoffmann@braunschweig.example', name: 'Lena Hoffmann' },
  jonas: { email: 'jonas.krueger@salzgitter.example', name: 'Jonas Krüger' },
  mehmet: { email: 'mehmet.yilmaz@gifhorn.example', name: 'Mehmet Yılmaz' },
} as const;

let counter = 0;

/** A title no other test (or earlier run on the same data) uses. */
export function uniqueTitle(prefix: string): string {
  counter += 1;
  return `${prefix} ${Date.now().toString(36)}-${process.pid}-${counter}`;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function startsWith(text: string): RegExp {
  return new RegExp(`^${escapeRegExp(text)}`);
}

/** A card on the board: a button whose accessible name starts with its title. */
export function card(scope: Page | Locator, title: string): Locator {
  return scope.getByRole('button', { name: new RegExp(`^${escapeRegExp(title)}`) });
}

export function column(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

export function cardDialog(page: Page, title: string): Locator {
  return page.getByRole('dialog', { name: title, exact: true });
}

export function connectionStatus(page: Page): Locator {
  return page.getByRole('status', { name: 'Verbindungsstatus' });
}

export async function expectConnected(page: Page): Promise<void> {
  await expect(connectionStatus(page)).toContainText('Verbunden');
}

/** Creates a card through the "Neue Initiative" form and waits until it sits in its column. */
export async function createCard(page: Page, title: string, options: { area?: string; status?: string } = {}): Promise<Locator> {
  await page.getByRole('button', { name: 'Neue Initiative' }).click();
  const form = page.getByRole('form', { name: 'Neue Initiative' });
  await form.getByLabel('Titel', { exact: true }).fill(title);
  if (options.area) await form.getByLabel('Bereich', { exact: true }).selectOption({ label: options.area });
  if (options.status) await form.getByLabel('Status', { exact: true }).selectOption({ label: options.status });
  await form.getByRole('button', { name: 'Anlegen' }).click();
  const created = card(column(page, options.area ?? 'Basisdienste'), title);
  await expect(created).toBeVisible();
  return created;
}

/** Opens a card's dialog, by default as a keyboard user does (focus, Enter), or with a click. */
export async function openCard(page: Page, title: string, { by = 'keyboard' }: { by?: 'keyboard' | 'click' } = {}): Promise<Locator> {
  const target = card(page, title);
  if (by === 'click') await target.click();
  else {
    await target.focus();
    await target.press('Enter');
  }
  const dialog = cardDialog(page, title);
  await expect(dialog).toBeVisible();
  return dialog;
}

/**
 * Drags a card with the mouse as a person would: press, move in small steps (dnd-kit's pointer sensor
 * activates after 6 px), hover over the target until the board shows it is over `overColumn` (as a
 * person waits to see the drop place), release. Releasing before the hover registered would drop the
 * card where the pointer was a frame earlier, which a busy machine makes likely.
 */
export async function dragByMouse(page: Page, source: Locator, target: Locator, overColumn: string): Promise<void> {
  await source.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  if (!from) throw new Error('drag source is not visible');
  const startX = from.x + from.width / 2;
  const startY = from.y + Math.min(from.height / 2, 16);
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  for (let step = 1; step <= 4; step += 1) await page.mouse.move(startX + step * 3, startY + step * 3);
  const to = await target.boundingBox();
  if (!to) throw new Error('drop target is not visible');
  // Aim at the target where it is on screen: a tall column may reach above or below the viewport,
  // and a pointer outside the window is a drop nowhere. Keep the source's height where possible.
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
  const top = Math.max(to.y, 0) + 10;
  const bottom = Math.min(to.y + to.height, viewport.height) - 10;
  const endX = to.x + to.width / 2;
  const endY = Math.min(Math.max(startY, top), bottom);
  await page.mouse.move(endX, endY, { steps: 12 });
  await page.mouse.move(endX + 2, endY + 2, { steps: 2 });
  await expect(page.locator('[id^="DndLiveRegion"]')).toContainText(`über ${overColumn}`);
  await page.mouse.up();
}
