import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package (P47): the fonts install with the server, so an
 * export needs no system fonts, and PDF/A wants every font embedded, which the 14 standard fonts
 * never are. DejaVu covers German, the quotes and dashes of German typography, and far beyond.
 */
const TTF_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const PDF_FONTS = {
  regular: join(TTF_DIR, 'DejaVuSans.ttf'),
  bold: join(TTF_DIR, 'DejaVuSans-Bold.ttf'),
  italic: join(TTF_DIR, 'DejaVuSans-Oblique.ttf'),
  boldItalic: join(TTF_DIR, 'DejaVuSans-BoldOblique.ttf'),
  mono: join(TTF_DIR, 'DejaVuSansMono.ttf'),
} as const;

export const fontFor = (style: { bold: boolean; italic: boolean; code: boolean }): string => {
  if (style.code) return PDF_FONTS.mono;
  if (style.bold) return style.italic ? PDF_FONTS.boldItalic : PDF_FONTS.bold;
  return style.italic ? PDF_FONTS.italic : PDF_FONTS.regular;
};
