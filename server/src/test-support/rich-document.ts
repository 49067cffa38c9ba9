import { getSchema } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';

/** The editor's schema, built from the same extensions the client's editor uses. */
export const EDITOR_SCHEMA = getSchema([StarterKit, TableKit]);

const text = (value: string, ...marks: ({ type: string; attrs?: Record<string, unknown> } | string)[]) => ({
  type: 'text',
  text: value,
  ...(marks.length > 0 ? { marks: marks.map((m) => (typeof m === 'string' ? { type: m } : m)) } : {}),
});
const paragraph = (...content: object[]) => ({ type: 'paragraph', ...(content.length > 0 ? { content } : {}) });
const item = (...content: object[]) => ({ type: 'listItem', content });
const cell = (type: 'tableHeader' | 'tableCell', value: string) => ({ type, content: [paragraph(text(value))] });

/**
 * A position text with every node and mark the editor offers, German umlauts and ß, and characters
 * Markdown would read as markup. The exports' tests render it and look for each part.
 */
export const RICH_DOCUMENT = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('Gemeinsame Stellungnahme')] },
    paragraph(
      text('Die Partner begrüßen '),
      text('ausdrücklich', 'bold'),
      text(' die '),
      text('Änderung', 'italic'),
      text(', lehnen '),
      text('Gebühren', 'strike'),
      text(' ab und nennen '),
      text('§ 3 OZG', 'code'),
      text(' sowie '),
      text('Größe', 'underline'),
      text('. Mehr unter '),
      text('ozg.de', { type: 'link', attrs: { href: 'https://www.onlinezugangsgesetz.de/' } }),
      text('.'),
    ),
    { type: 'heading', attrs: { level: 2 }, content: [text('Forderungen')] },
    {
      type: 'bulletList',
      content: [
        item(paragraph(text('Ein Servicekonto für alle')), {
          type: 'orderedList',
          attrs: { start: 1 },
          content: [item(paragraph(text('Bürgerinnen'))), item(paragraph(text('Unternehmen')))],
        }),
        item(paragraph(text('Kosten *nicht* auf die Kommunen'))),
      ],
    },
    { type: 'orderedList', attrs: { start: 3 }, content: [item(paragraph(text('Dritter Punkt'))), item(paragraph(text('Vierter Punkt')))] },
    { type: 'blockquote', content: [paragraph(text('Zitat aus dem Erlass'))] },
    { type: 'codeBlock', attrs: { language: null }, content: [text('Az. 11-2026\nZeile zwei')] },
    { type: 'horizontalRule' },
    paragraph(text('Erste Zeile'), { type: 'hardBreak' }, text('zweite Zeile')),
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'Partner'), cell('tableHeader', 'Anteil')] },
        { type: 'tableRow', content: [cell('tableCell', 'Wolfsburg'), cell('tableCell', '30 %')] },
        { type: 'tableRow', content: [cell('tableCell', 'Gifhorn | Kreis'), cell('tableCell', 'Übrige')] },
      ],
    },
  ],
};
