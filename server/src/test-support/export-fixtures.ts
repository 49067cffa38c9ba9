import { unzipSync } from 'fflate';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { EDITOR_FIELD } from '../domain/documents/paragraphs.js';
import type { PmDoc } from '@verbund/shared/rich-text';
import { docToProseMirror } from '../domain/documents/prosemirror.js';
import { EXPORT_LABELS } from '../exports/export-labels.js';
import type { PositionExport } from '../exports/position-export.js';
import { EDITOR_SCHEMA, RICH_DOCUMENT } from './rich-document.js';

/** The rich document as the editor writes it into Yjs and the exports read it back. */
export const richContent = (): PmDoc => docToProseMirror(prosemirrorJSONToYDoc(EDITOR_SCHEMA, RICH_DOCUMENT, EDITOR_FIELD));

/** A position's export with fixed facts, for the renderers' tests. */
export function exportFixture(content: PmDoc = richContent(), over: Partial<PositionExport> = {}): PositionExport {
  return {
    lang: 'de',
    labels: EXPORT_LABELS.de,
    title: 'Stellungnahme zum OZG-Änderungsgesetz',
    workspace: 'Digitalisierungskooperation Ost-Niedersachsen',
    facts: [
      { label: 'Adressat', value: 'Land Niedersachsen' },
      { label: 'Federführung', value: 'Stadt Wolfsburg' },
    ],
    exportedAt: new Date('2026-12-04T18:30:00Z'),
    content,
    notice: null,
    adoption: null,
    ...over,
  };
}

export const ADOPTED_HASH = '4ec9f29d7ad2614b8d7a617122f8e0c181b3241ba6ebd3dff6268f43f7e7d76e';

/** The fixture as an adopted paper: no draft notice, two signatures, one of them by a deputy. */
export function adoptedFixture(content: PmDoc = richContent()): PositionExport {
  return exportFixture(content, {
    adoption: {
      hash: ADOPTED_HASH,
      statement: '„Stellungnahme zum OZG-Änderungsgesetz“ wurde am 4. Dezember 2026 von allen Partnern in der Fassung mit dieser Prüfsumme beschlossen.',
      signatures: [
        { partner: 'Stadt Braunschweig', person: 'Lena Hoffmann', capacity: 'in Vertretung für Markus Weber', at: '4. Dezember 2026 um 10:22 Uhr' },
        { partner: 'Stadt Wolfsburg', person: 'Dr. Thomas Becker', capacity: 'Dezernent', at: '4. Dezember 2026 um 10:21 Uhr' },
      ],
    },
  });
}

/** The rich document's Markdown, pinned: a change to the renderer shows here line by line. */
export const RICH_MARKDOWN = `# Gemeinsame Stellungnahme

Die Partner begrüßen **ausdrücklich** die *Änderung*, lehnen ~~Gebühren~~ ab und nennen \`§ 3 OZG\` sowie Größe. Mehr unter [ozg.de](https://www.onlinezugangsgesetz.de/).

## Forderungen

- Ein Servicekonto für alle
  1. Bürgerinnen
  2. Unternehmen
- Kosten \\*nicht\\* auf die Kommunen

3. Dritter Punkt
4. Vierter Punkt

> Zitat aus dem Erlass

\`\`\`
Az. 11-2026
Zeile zwei
\`\`\`

---

Erste Zeile\\
zweite Zeile

| Partner | Anteil |
| --- | --- |
| Wolfsburg | 30 % |
| Gifhorn \\| Kreis | Übrige |`;

/** The parts of a DOCX (a zip) as text, by path: `word/document.xml`, `word/numbering.xml`, … */
export function docxParts(docx: Uint8Array): Record<string, string> {
  const decoder = new TextDecoder();
  return Object.fromEntries(Object.entries(unzipSync(docx)).map(([path, bytes]) => [path, decoder.decode(bytes)]));
}

/** The text of a DOCX's body, run by run (`w:t`), paragraphs a line each. */
export function docxText(documentXml: string): string {
  return documentXml
    .split('</w:p>')
    .map((paragraph) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1] ?? '')).join(''))
    .join('\n');
}

const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
