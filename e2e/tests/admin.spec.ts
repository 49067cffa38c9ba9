import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expectNoViolations } from '../support/axe.js';
import { test, expect, signIn } from '../support/fixtures.js';
import { createCard, uniqueTitle } from '../support/board.js';

const ADMIN = 'stefan.braun@wolfsburg.example';

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name });
}

test('the audit log filters by kind, checks the chain, and offers exports', async ({ browser, server }) => {
  const admin = await signIn(browser, server, ADMIN);
  const title = uniqueTitle('Protokollprobe');
  await createCard(admin, title);

  await nav(admin, 'Protokoll').click();
  await expect(admin.getByRole('heading', { level: 2, name: 'Protokoll' })).toBeFocused();
  const table = admin.getByRole('table', { name: /^Protokoll: \d+ Eintr(ag|äge), neueste zuerst$/ });
  await expect(table).toContainText('Verbund angelegt');

  const filter = admin.getByRole('form', { name: 'Einträge filtern' });
  await filter.getByLabel('Art', { exact: true }).selectOption({ label: 'Initiative angelegt' });
  await filter.getByLabel('Person').selectOption({ label: 'Stefan Braun' });
  await filter.getByRole('button', { name: 'Filtern' }).click();
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(2); // header and Stefan's one card
  await expect(rows.nth(1)).toContainText('Initiative angelegt');
  await expect(rows.nth(1)).toContainText(`„${title}“`);
  await expect(rows.nth(1)).toContainText('Stefan Braun');
  await expect(table).toHaveAccessibleName('Protokoll: 1 Eintrag, neueste zuerst');
  await expect(admin.getByRole('link', { name: 'Als CSV exportieren' })).toHaveAttribute('href', /format=csv/);
  await expect(admin.getByRole('link', { name: 'Als CSV exportieren' })).toHaveAttribute('href', /type=card\.created/);

  await admin.getByRole('button', { name: 'Integrität prüfen' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Integrität bestätigt' })).toContainText(/\d+ Einträge geprüft/);
  await expectNoViolations(admin, '/audit');
  await admin.screenshot({ path: test.info().outputPath('audit.png'), fullPage: true });
});

test('a checkpoint is downloaded, checked against the log, and a forged one is refused', async ({ browser, server }) => {
  const admin = await signIn(browser, server, ADMIN);
  await nav(admin, 'Protokoll').click();
  const section = admin.getByRole('region', { name: 'Prüfpunkte' });
  const downloading = admin.waitForEvent('download');
  await section.getByRole('button', { name: 'Prüfpunkt herunterladen' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^verbund-pruefpunkt-\d+\.json$/);
  const file = test.info().outputPath('pruefpunkt.json');
  await download.saveAs(file);
  const checkpoint = JSON.parse(await readFile(file, 'utf8')) as { seq: number; at: string };
  await expect(section.getByRole('status').first()).toHaveText(`Prüfpunkt für Eintrag Nr. ${checkpoint.seq} heruntergeladen.`);

  // The log grows after the checkpoint; the kept checkpoint still holds.
  await nav(admin, 'Board').click();
  await createCard(admin, uniqueTitle('Nach dem Prüfpunkt'));
  await nav(admin, 'Protokoll').click();
  const check = section.getByRole('button', { name: 'Prüfpunkt prüfen' });
  await expect(check).toBeDisabled();
  await section.getByLabel('Aufbewahrter Prüfpunkt (JSON-Datei)').setInputFiles(file);
  await check.click();
  await expect(section.getByRole('status').filter({ hasText: 'Prüfpunkt bestätigt' })).toContainText(`Eintrag Nr. ${checkpoint.seq} ist unverändert vorhanden`);
  await expectNoViolations(admin, '/audit');

  const forged = JSON.stringify({ ...checkpoint, at: '2020-01-01T00:00:00.000Z' });
  await section.getByLabel('Aufbewahrter Prüfpunkt (JSON-Datei)').setInputFiles({ name: 'gefaelscht.json', mimeType: 'application/json', buffer: Buffer.from(forged) });
  await check.click();
  await expect(section.getByRole('alert').filter({ hasText: 'Der Prüfpunkt wurde abgelehnt' })).toBeVisible();
  await expect(section.getByRole('status').filter({ hasText: 'Prüfpunkt bestätigt' })).toHaveCount(0);

  await section.getByLabel('Aufbewahrter Prüfpunkt (JSON-Datei)').setInputFiles({ name: 'notiz.json', mimeType: 'application/json', buffer: Buffer.from('kein JSON') });
  await check.click();
  await expect(section.getByRole('alert').filter({ hasText: 'Diese Datei ist kein Prüfpunkt.' })).toBeVisible();
});

test('the administration explains refusals, asks before erasing, and the pages pass axe', async ({ browser, server }) => {
  const admin = await signIn(browser, server, ADMIN);
  await nav(admin, 'Verwaltung').click();
  await expect(admin.getByRole('table', { name: 'Partner des Verbunds' })).toContainText('Landkreis Gifhorn');
  await expectNoViolations(admin, '/admin');
  await admin.screenshot({ path: test.info().outputPath('admin.png'), fullPage: true });

  // The last admin cannot give up the role: the server refuses, the toast says why.
  // A click, not uncheck(): the box is meant to stay ticked when the server says no.
  await admin.getByRole('group', { name: 'Rollen von Stefan Braun' }).getByRole('checkbox', { name: 'Administration' }).click();
  await expect(admin.getByRole('region', { name: 'Meldungen' })).toContainText('Der Verbund braucht mindestens eine Person mit Administrationsrechten.');
  await expect(admin.getByRole('group', { name: 'Rollen von Stefan Braun' }).getByRole('checkbox', { name: 'Administration' })).toBeChecked();

  // Roles change live; erasing asks first in an accessible dialog, and cancelling keeps everything.
  const claudiaRoles = admin.getByRole('group', { name: 'Rollen von Claudia Richter' });
  // Ticked once the server has confirmed (no optimistic guess for administration).
  await claudiaRoles.getByRole('checkbox', { name: 'Dezernent/in' }).click();
  await expect(claudiaRoles.getByRole('checkbox', { name: 'Dezernent/in' })).toBeChecked();
  await claudiaRoles.getByRole('checkbox', { name: 'Dezernent/in' }).click();
  await expect(claudiaRoles.getByRole('checkbox', { name: 'Dezernent/in' })).not.toBeChecked();
  await admin.getByRole('button', { name: 'Daten von Claudia Richter löschen' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Daten von Claudia Richter endgültig löschen?' });
  await expect(dialog).toContainText('Das lässt sich nicht rückgängig machen.');
  await expect(dialog.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
  await expectNoViolations(admin, '/admin with the erase dialog');
  await admin.screenshot({ path: test.info().outputPath('erase-dialog.png') });
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(dialog).toBeHidden();
  await expect(admin.getByRole('button', { name: 'Daten von Claudia Richter löschen' })).toBeFocused();

  // A new partner is an ordinary event.
  const add = admin.getByRole('form', { name: 'Partner aufnehmen' });
  const shortName = `P${Date.now().toString(36).slice(-5)}`;
  await add.getByLabel('Name', { exact: true }).fill(`Samtgemeinde ${shortName}`);
  await add.getByLabel('Kurzname').fill(shortName);
  await add.getByRole('button', { name: 'Partner aufnehmen' }).click();
  const partners = admin.getByRole('table', { name: 'Partner des Verbunds' });
  await expect(partners).toContainText(`Samtgemeinde ${shortName}`);
  // And leaving is one too: deactivated, the partner stays listed (and out of new votes, which other specs on this
  // worker's server count on).
  await admin.getByRole('button', { name: `Samtgemeinde ${shortName} deaktivieren` }).click();
  await expect(partners.getByRole('row', { name: new RegExp(`Samtgemeinde ${shortName}`) })).toContainText('Deaktiviert');
  await expect(admin.getByRole('button', { name: `Samtgemeinde ${shortName} reaktivieren` })).toBeVisible();

  await nav(admin, 'Mein Konto').click();
  await expect(admin.getByRole('heading', { level: 2, name: 'Mein Konto' })).toBeFocused();
  await expect(admin.getByRole('table', { name: 'Ihre Sitzungen' })).toContainText('Ja, diese');
  await expect(admin.getByRole('table', { name: 'Anmeldungen und Änderungen an Ihrem Konto' })).toContainText('Anmeldung');
  await expect(admin.getByRole('link', { name: 'Meine Daten herunterladen' })).toHaveAttribute('href', '/api/account/export');
  await expectNoViolations(admin, '/account');
  await admin.screenshot({ path: test.info().outputPath('account.png'), fullPage: true });
});

test('a member without administration sees neither the links nor the pages', async ({ browser, server }) => {
  const anna = await signIn(browser, server, 'anna.schulz@wolfsburg.example');
  await expect(nav(anna, 'Mein Konto')).toBeVisible();
  await expect(nav(anna, 'Verwaltung')).toHaveCount(0);
  await expect(nav(anna, 'Protokoll')).toHaveCount(0);
  await anna.goto('/audit');
  await expect(anna.getByText('Diese Seite steht Ihnen in diesem Verbund nicht zur Verfügung.')).toBeVisible();
});
