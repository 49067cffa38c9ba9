import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.js';

/** Clicks a link that downloads, as a person would, and keeps the file where the test's output goes. */
export async function downloadFrom(page: Page, link: Locator, path: string): Promise<{ name: string; path: string }> {
  const downloading = page.waitForEvent('download');
  await link.click();
  const download = await downloading;
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path };
}

export const readText = (path: string): string => readFileSync(path, 'utf8');

/**
 * The PDF as the tools read it (P46, P47): qpdf's structural check must pass and pdffonts must list
 * only embedded fonts (its `emb` column, the fifth from the right); returns the text pdftotext finds.
 */
export function checkedPdfText(path: string): string {
  expect(execFileSync('qpdf', ['--check', path], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors found');
  const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
  expect(fonts.length, 'pdffonts lists the fonts').toBeGreaterThan(0);
  for (const font of fonts) expect(font.trim().split(/\s+/).at(-5), `embedded: ${font}`).toBe('yes');
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}
