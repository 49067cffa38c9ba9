import { describe, expect, it } from 'vitest';
import { ADOPTED_HASH, adoptedFixture, docxParts, docxText, exportFixture } from '../test-support/export-fixtures.js';
import { positionDocx } from './position-docx.js';

describe('DOCX export (P42)', () => {
  it('P42 holds the title, the facts and the whole text, umlauts and ß included', async () => {
    const parts = docxParts(await positionDocx(exportFixture()));
    const text = docxText(parts['word/document.xml'] ?? '');
    for (const expected of ['Stellungnahme zum OZG-Änderungsgesetz', 'Adressat: Land Niedersachsen', 'Die Partner begrüßen ausdrücklich die Änderung', 'Bürgerinnen', 'Dritter Punkt', 'Zitat aus dem Erlass', 'Az. 11-2026', 'Gifhorn | Kreis', 'Übrige']) {
      expect(text).toContain(expected);
    }
    expect(parts['docProps/core.xml']).toContain('<dc:title>Stellungnahme zum OZG-Änderungsgesetz</dc:title>');
  });

  it('P42 uses Word’s own heading styles, numbered and bulleted lists (an ordered list starting where it starts), tables and hyperlinks', async () => {
    const parts = docxParts(await positionDocx(exportFixture()));
    const body = parts['word/document.xml'] ?? '';
    expect(body).toContain('<w:pStyle w:val="Title"/>');
    expect(body).toContain('<w:pStyle w:val="Heading1"/>');
    expect(body).toContain('<w:pStyle w:val="Heading2"/>');
    expect(body).toContain('<w:numPr>');
    expect(body).toContain('<w:tbl>');
    expect(body).toContain('<w:hyperlink');
    expect(parts['word/_rels/document.xml.rels']).toContain('Target="https://www.onlinezugangsgesetz.de/"');
    const numbering = parts['word/numbering.xml'] ?? '';
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    expect(numbering).toContain('<w:start w:val="3"/>');
    expect(parts['word/styles.xml']).toContain('w:val="de-DE"');
  });

  it('P52 P53 an adopted paper: its text after the cover, then the signature page as a table, a row per signature with the hash; the hash in the footer', async () => {
    const parts = docxParts(await positionDocx(adoptedFixture()));
    const body = parts['word/document.xml'] ?? '';
    const text = docxText(body);
    expect(body.match(/<w:pageBreakBefore\/>/g)).toHaveLength(2);
    const rows = text.slice(text.indexOf('Zeichnung')).split('\n');
    expect(rows).toEqual([
      'Zeichnung',
      '„Stellungnahme zum OZG-Änderungsgesetz“ wurde am 4. Dezember 2026 von allen Partnern in der Fassung mit dieser Prüfsumme beschlossen.',
      `Version (SHA-256): ${ADOPTED_HASH}`,
      ...['Partner', 'Gezeichnet von', 'Funktion', 'Zeitpunkt', 'Version (SHA-256)'],
      ...['Stadt Braunschweig', 'Lena Hoffmann', 'in Vertretung für Markus Weber', '4. Dezember 2026 um 10:22 Uhr', ADOPTED_HASH],
      ...['Stadt Wolfsburg', 'Dr. Thomas Becker', 'Dezernent', '4. Dezember 2026 um 10:21 Uhr', ADOPTED_HASH],
      '',
    ]);
    expect(Object.entries(parts).filter(([path]) => path.startsWith('word/footer')).map(([, xml]) => docxText(xml)).join('\n')).toContain(`SHA-256 ${ADOPTED_HASH}`);
  });

  it('P55 a draft says "Entwurf" under its title', async () => {
    const text = docxText(docxParts(await positionDocx(exportFixture(undefined, { notice: 'Entwurf – nicht beschlossen' })))['word/document.xml'] ?? '');
    expect(text.split('\n').slice(0, 2)).toEqual(['Stellungnahme zum OZG-Änderungsgesetz', 'Entwurf – nicht beschlossen']);
  });
});
