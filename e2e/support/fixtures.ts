import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { startServer, type RunningServer } from './server.js';

export const DEMO_PASSWORD = 'verbund-demo';

/** Signs a person in, in a browser context of their own (their own cookies), and opens the board. */
export async function signIn(browser: Browser, server: RunningServer, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('main')).toBeVisible();
  return page;
}

/** Each test file gets its own server process and data directory. */
export const test = base.extend<object, { server: RunningServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
});

export { expect };
