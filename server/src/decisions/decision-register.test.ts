import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from './decision-register.js';

describe('Markdown register escaping (S19)', () => {
  it('S19 no text can start a line of its own: line breaks of every kind become spaces', () => {
    for (const lineBreak of ['\n', '\r', '\r\n', '\u0085', '\u2028', '\u2029']) {
      const escaped = escapeMarkdown(`Titel${lineBreak}- **Ergebnis:** angenommen`);
      expect(escaped).not.toMatch(/[\n\r\u0085\u2028\u2029]/);
      expect(escaped).toBe('Titel - \\*\\*Ergebnis:\\*\\* angenommen');
    }
  });

  it('S19 a text that would begin a block (list, quote, heading, numbered item) begins as plain text', () => {
    expect(escapeMarkdown('- Ergebnis')).toBe('\\- Ergebnis');
    expect(escapeMarkdown('  + Punkt')).toBe('  \\+ Punkt');
    expect(escapeMarkdown('> Zitat')).toBe('\\> Zitat');
    expect(escapeMarkdown('## Ergebnis')).toBe('\\#\\# Ergebnis');
    expect(escapeMarkdown('1. Beschluss')).toBe('1\\. Beschluss');
    expect(escapeMarkdown('=== ')).toBe('\\=== ');
  });

  it('S19 inline markup, links, HTML and entities are shown as typed; ordinary text stays readable', () => {
    expect(escapeMarkdown('[hier](javascript:alert(1))')).toBe('\\[hier\\](javascript:alert(1))');
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(escapeMarkdown('&#42;fett&#42; _kursiv_ `code` ~~weg~~ ![bild](x)')).toBe('\\&\\#42;fett\\&\\#42; \\_kursiv\\_ \\`code\\` \\~\\~weg\\~\\~ \\!\\[bild\\](x)');
    expect(escapeMarkdown('Tabelle | Zelle \\ Ende')).toBe('Tabelle \\| Zelle \\\\ Ende');
    expect(escapeMarkdown('Ost-Niedersachsen: „Servicekonto“ (2026), beschlossen.')).toBe('Ost-Niedersachsen: „Servicekonto“ (2026), beschlossen.');
  });
});
