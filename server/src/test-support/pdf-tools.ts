import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

/** qpdf and poppler-utils (`apt-get install -y qpdf poppler-utils`, done by .ci/run when missing). */
const PDF_TOOLS = ['qpdf', 'pdffonts', 'pdftotext', 'pdfinfo'] as const;

/** The tools of `tools` that cannot be started here (each is asked for its `--version`). */
export const missingTools = (tools: readonly string[]): string[] => tools.filter((tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).error !== undefined);

/**
 * Where the tools are, the PDF checks run; under CI=true they run anyway and fail on the missing
 * tool, so CI never passes by skipping them. Elsewhere a machine without them skips those tests.
 */
export const PDF_CHECKS_RUN = missingTools(PDF_TOOLS).length === 0 || process.env.CI === 'true';

export type FontRow = { name: string; type: string; embedded: boolean };
export type PdfReport = { qpdf: string; fonts: FontRow[]; text: string; info: string; xmp: string };

/** Runs every tool over the PDF: qpdf's structural check, the fonts, the text, the document info and XMP metadata. */
export function inspectPdf(pdf: Buffer): PdfReport {
  expect(missingTools(PDF_TOOLS), 'the PDF checks need qpdf and poppler-utils: apt-get install -y qpdf poppler-utils').toEqual([]);
  const dir = mkdtempSync(join(tmpdir(), 'verbund-pdf-'));
  try {
    const file = join(dir, 'export.pdf');
    writeFileSync(file, pdf);
    const run = (tool: string, args: string[]) => execFileSync(tool, [...args, file], { encoding: 'utf8' });
    const qpdf = run('qpdf', ['--check']);
    const fonts = run('pdffonts', [])
      .split('\n')
      .slice(2)
      .filter((line) => line.trim().length > 0)
      .map(fontRow);
    return { qpdf, fonts, text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }), info: run('pdfinfo', []), xmp: run('pdfinfo', ['-meta']) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A pdffonts line: the name, the type (which may hold spaces), then encoding, emb, sub, uni and the object id, read from the right. */
function fontRow(line: string): FontRow {
  const words = line.trim().split(/\s+/);
  return { name: words[0] ?? '', type: words.slice(1, -6).join(' '), embedded: words.at(-5) === 'yes' };
}

const STANDARD_FONTS = /Helvetica|Times|Courier|Symbol|ZapfDingbats/;

/** What every exported PDF must show to the tools (P46, P47); the integration test asks the same of the served one. */
export function expectPdfA(report: PdfReport): void {
  expect(report.qpdf).toContain('No syntax or stream encoding errors found');
  expect(report.fonts.length).toBeGreaterThan(0);
  for (const font of report.fonts) {
    expect(font.embedded, font.name).toBe(true);
    expect(font.name).not.toMatch(STANDARD_FONTS);
  }
  expect(report.info).toMatch(/PDF version:\s+1\.7/);
  expect(report.info).toMatch(/Tagged:\s+yes/);
  expect(report.xmp).toContain('<pdfaid:part>2</pdfaid:part>');
  expect(report.xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
}
