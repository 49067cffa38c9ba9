import { describe, expect, it } from 'vitest';
import { docxParts, docxText, exportFixture } from '../test-support/export-fixtures.js';
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
});
