import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startServer, type RunningServer } from './server.js';

export const DEMO_PASSWORD = 'verbund-demo';

/** Contexts opened by signIn during the current test; closed when it ends. */
const openContexts = new Set<BrowserContext>();

/** Signs a person in, in a browser context of their own (their own cookies), and opens the board. */
export async function signIn(browser: Browser, server: RunningServer, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, locale: 'de-DE' });
  openContexts.add(context);
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('main')).toBeVisible();
  // Signed in once the board is there and the live connection is up.
  await expect(page.getByRole('heading', { level: 2, name: 'Initiativen' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Verbindungsstatus' })).toContainText('Verbunden');
  return page;
}

/** Each worker gets its own server process and data directory, shared by the tests it runs one after another. */
export const test = base.extend<{ closeContexts: void }, { server: RunningServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  closeContexts: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use();
      const contexts = [...openContexts];
      openContexts.clear();
      await Promise.all(contexts.map((context) => context.close()));
    },
    { auto: true },
  ],
});

export { expect };
