import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { ADOPTED_HASH, adoptedFixture, exportFixture } from '../test-support/export-fixtures.js';
import { expectPdfA, inspectPdf, PDF_CHECKS_RUN } from '../test-support/pdf-tools.js';
import { describeFailures, validatePdfA2b } from '../test-support/verapdf.js';
import { EXPORT_LABELS } from './export-labels.js';
import { positionPdf } from './position-pdf.js';

describe.runIf(PDF_CHECKS_RUN)('PDF/A-2b export (P46, P47)', () => {
  it('P46 P47 passes qpdf, embeds only DejaVu (never a standard font), is PDF 1.7, tagged, PDF/A-2b in its XMP, titled', async () => {
    const report = inspectPdf(await positionPdf(exportFixture()));
    expectPdfA(report);
    expect(report.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique', 'DejaVuSansMono']);
    expect(report.info).toMatch(/Title:\s+Stellungnahme zum OZG-Änderungsgesetz/);
    expect(report.xmp).toContain('<rdf:li xml:lang="x-default">Stellungnahme zum OZG-Änderungsgesetz</rdf:li>');
    expect(report.info).not.toMatch(/ModDate/);
    expect(report.info).toMatch(/Author:\s+Digitalisierungskooperation Ost-Niedersachsen/);
  });

  it('P46 the text is there, umlauts and ß included: headings, emphasis, lists, quote, code, the table’s cells, the facts', async () => {
    const { text } = inspectPdf(await positionPdf(exportFixture()));
    for (const expected of [
      'Adressat: Land Niedersachsen',
      'Federführung: Stadt Wolfsburg',
      'Gemeinsame Stellungnahme',
      'Die Partner begrüßen ausdrücklich die Änderung',
      'Größe',
      '1. Bürgerinnen',
      '3. Dritter Punkt',
      'Zitat aus dem Erlass',
      'Az. 11-2026',
      'Erste Zeile\nzweite Zeile',
      'Wolfsburg',
      '30 %',
      'Gifhorn | Kreis',
      'Übrige',
      'Seite 1 von 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('P44 a long text runs over pages, each numbered "Seite n von m"; in English "Page n of m"', async () => {
    const long = exportFixture();
    const many = { ...long.content, content: Array.from({ length: 8 }, () => long.content.content ?? []).flat() };
    const german = inspectPdf(await positionPdf({ ...long, content: many }));
    const pages = Number(/Pages:\s+(\d+)/.exec(german.info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) expect(german.text).toContain(`Seite ${page} von ${pages}`);
    const english = inspectPdf(await positionPdf({ ...long, lang: 'en', labels: EXPORT_LABELS.en }));
    expect(english.text).toContain('Page 1 of 1');
  });

  it('P51 P52 P53 an adopted paper: cover, text and signature page, each signature whole with name, capacity, time and hash; the hash under every page', async () => {
    const report = inspectPdf(await positionPdf(adoptedFixture()));
    expectPdfA(report);
    const pages = report.text.split('\f').filter((page) => page.trim().length > 0);
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain('Federführung: Stadt Wolfsburg');
    expect(pages[0]).not.toContain('Gemeinsame Stellungnahme');
    expect(pages[1]).toContain('Die Partner begrüßen ausdrücklich die Änderung');
    expect(pages[2]).toContain('Zeichnung\n„Stellungnahme zum OZG-Änderungsgesetz“ wurde am 4. Dezember 2026');
    expect(pages[2]).toContain(`Stadt Braunschweig\nGezeichnet von: Lena Hoffmann, in Vertretung für Markus Weber\nZeitpunkt: 4. Dezember 2026 um 10:22 Uhr\nVersion (SHA-256):\n${ADOPTED_HASH}`);
    expect(pages[2]).toContain(`Stadt Wolfsburg\nGezeichnet von: Dr. Thomas Becker, Dezernent\nZeitpunkt: 4. Dezember 2026 um 10:21 Uhr\nVersion (SHA-256):\n${ADOPTED_HASH}`);
    pages.forEach((page, i) => expect(page).toContain(`SHA-256 ${ADOPTED_HASH}\n\nSeite ${i + 1} von 3`));
  });

  it('P55 a draft says "ENTWURF" under its title and has no signature page', async () => {
    const { text } = inspectPdf(await positionPdf(exportFixture(undefined, { notice: 'Entwurf – nicht beschlossen' })));
    // The title wraps at its hyphen (pdftotext joins the halves); the notice is the line right under it.
    expect(text).toMatch(/^Stellungnahme zum OZG-?Änderungsgesetz\nENTWURF – NICHT BESCHLOSSEN\nAdressat: Land Niedersachsen/);
    expect(text).not.toContain('Zeichnung');
  });
});

/** A page of pdfkit's plain output, no PDF/A asked for: what the validator must reject. */
function plainPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ pdfVersion: '1.7' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text('Kein PDF/A');
  doc.end();
  return done;
}

// Never skipped: without Java or Maven it fails and says so. The first run on a machine lets Maven fetch veraPDF.
describe('PDF/A-2b conformance, checked by veraPDF (P46)', () => {
  it('P46 P51 P53 the adopted paper (cover, long text over pages, headings, lists, table, link, German quotes, signature page) and an English draft fail no rule of PDF/A-2b', { timeout: 300_000 }, async () => {
    const fixture = adoptedFixture();
    const long = { ...fixture.content, content: Array.from({ length: 8 }, () => fixture.content.content ?? []).flat() };
    const results = validatePdfA2b({
      adopted: await positionPdf({ ...fixture, content: long }),
      draftEnglish: await positionPdf(exportFixture(undefined, { lang: 'en', labels: EXPORT_LABELS.en, notice: 'Draft – not adopted' })),
      plain: await plainPdf(),
    });
    const { plain, ...exports } = results;
    expect(Object.fromEntries(Object.entries(exports).map(([name, r]) => [name, r.failedRules.map((f) => f.rule)])), describeFailures(exports)).toEqual({ adopted: [], draftEnglish: [] });
    for (const result of Object.values(exports)) {
      expect(result.profile).toBe('PDF/A-2B validation profile');
      expect(result.compliant).toBe(true);
      expect(result.passedRules).toBeGreaterThan(100);
    }
    // The control: the validator does fail a PDF that is no PDF/A (no pdfaid schema, Helvetica not embedded, no output intent).
    expect(plain?.compliant).toBe(false);
    expect(plain?.failedRules.map((f) => f.rule)).toEqual(expect.arrayContaining(['6.6.4-1', '6.2.11.4.1-1', '6.2.4.3-4']));
  });
});
