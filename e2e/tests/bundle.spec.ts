import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { test, expect, signIn } from '../support/fixtures.js';
import { PEOPLE, uniqueTitle } from '../support/board.js';
import { createPosition, positionText } from '../support/positions.js';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'client', 'dist');
/** Issue 10: what a first visit loads before anything is shown, gzipped. */
const INITIAL_JS_BUDGET = 250 * 1024;

test('the board loads at most 250 KB of gzipped JavaScript; the editor comes as its own chunk, only when a text is opened', async ({ browser, server }) => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  expect(initial.length).toBeGreaterThan(0);
  const gzipped = initial.reduce((sum, file) => sum + gzipSync(readFileSync(join(DIST, file))).byteLength, 0);
  console.log(`initial JavaScript: ${initial.join(', ')}: ${(gzipped / 1024).toFixed(1)} KB gzipped (budget ${INITIAL_JS_BUDGET / 1024} KB)`);
  expect(gzipped).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
  expect(initial.some((file) => file.includes('rich-text-editor'))).toBe(false);

  const anna = await signIn(browser, server, PEOPLE.anna.email);
  const scripts: string[] = [];
  anna.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await anna.reload();
  await expect(anna.getByRole('heading', { level: 2, name: 'Initiativen' })).toBeVisible();
  expect(scripts.some((path) => path.includes('rich-text-editor'))).toBe(false);
  await createPosition(anna, uniqueTitle('Ladezeit'));
  await expect(positionText(anna)).toBeVisible();
  expect(scripts.some((path) => path.includes('rich-text-editor'))).toBe(true);
});
