import { describe, expect, it } from 'vitest';
import type { PmDoc, PmNode } from '@verbund/shared/rich-text';
import { ADOPTED_HASH, adoptedFixture, exportFixture, RICH_MARKDOWN } from '../test-support/export-fixtures.js';
import { positionMarkdown } from './position-markdown.js';

const paragraph = (...content: PmNode[]): PmDoc => ({ type: 'doc', content: [{ type: 'paragraph', content }] });

describe('Markdown export (P43)', () => {
  it('P43 renders the title, the facts and every node of the editor as GitHub-flavoured Markdown', () => {
    expect(positionMarkdown(exportFixture())).toBe(
      `# Stellungnahme zum OZG-Änderungsgesetz\n\n- **Adressat:** Land Niedersachsen\n- **Federführung:** Stadt Wolfsburg\n\n---\n\n${RICH_MARKDOWN}\n`,
    );
  });

  it('P43 escapes what people typed, so text never becomes markup, and keeps markers next to the text they mark', () => {
    const markdown = positionMarkdown(
      exportFixture(paragraph({ type: 'text', text: '# kein Titel, <b>kein HTML</b> und [kein](Link) ' }, { type: 'text', text: ' fett ', marks: [{ type: 'bold' }] }, { type: 'text', text: 'a`b', marks: [{ type: 'code' }] })),
    );
    expect(markdown.split('\n---\n\n')[1]).toBe('\\# kein Titel, \\<b\\>kein HTML\\</b\\> und \\[kein\\](Link)  **fett** ``a`b``\n');
  });

  it('P45 only web and mail links stay links; a link target cannot break out of its parentheses', () => {
    const link = (text: string, href: string) => ({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] });
    const markdown = positionMarkdown(exportFixture(paragraph(link('böse', 'javascript:alert(1)'), { type: 'text', text: ' ' }, link('Wiki', 'https://de.wikipedia.org/wiki/OZG_(Gesetz)'), { type: 'text', text: ' ' }, link('Post', 'mailto:ozg@example.org'))));
    expect(markdown.split('\n---\n\n')[1]).toBe('böse [Wiki](https://de.wikipedia.org/wiki/OZG_%28Gesetz%29) [Post](mailto:ozg@example.org)\n');
  });

  it('P43 an empty text says so in the reader’s language', () => {
    expect(positionMarkdown(exportFixture({ type: 'doc', content: [] })).endsWith('---\n\n*Noch kein Text.*\n')).toBe(true);
  });

  it('P53 an adopted paper ends with its signatures: the statement in German quotes, the hash, a table row per signature with the hash signed', () => {
    const markdown = positionMarkdown(adoptedFixture({ type: 'doc', content: [] }));
    expect(markdown.split('\n---\n\n').at(-1)).toBe(
      [
        '## Zeichnung',
        '',
        '„Stellungnahme zum OZG-Änderungsgesetz“ wurde am 4. Dezember 2026 von allen Partnern in der Fassung mit dieser Prüfsumme beschlossen.',
        '',
        `Version (SHA-256): \`${ADOPTED_HASH}\``,
        '',
        '| Partner | Gezeichnet von | Funktion | Zeitpunkt | Version (SHA-256) |',
        '| --- | --- | --- | --- | --- |',
        `| Stadt Braunschweig | Lena Hoffmann | in Vertretung für Markus Weber | 4\\. Dezember 2026 um 10:22 Uhr | \`${ADOPTED_HASH}\` |`,
        `| Stadt Wolfsburg | Dr. Thomas Becker | Dezernent | 4\\. Dezember 2026 um 10:21 Uhr | \`${ADOPTED_HASH}\` |`,
        '',
      ].join('\n'),
    );
  });

  it('P55 a draft says so in bold under its title; an adopted paper does not', () => {
    expect(positionMarkdown(exportFixture(undefined, { notice: 'Entwurf – nicht beschlossen' })).startsWith('# Stellungnahme zum OZG-Änderungsgesetz\n\n**Entwurf – nicht beschlossen**\n\n- **Adressat:**')).toBe(true);
    expect(positionMarkdown(adoptedFixture())).not.toContain('Entwurf');
  });
});
