import type { PmNode } from '@verbund/shared/rich-text';

/** A piece of inline content as the renderers lay it out: text with its emphasis and link, or a line break. */
export type Run =
  | { kind: 'text'; text: string; bold: boolean; italic: boolean; strike: boolean; underline: boolean; code: boolean; href: string | null }
  | { kind: 'break' };

/** The inline content of a text block (paragraph, heading) as runs; nodes the exports do not know are read as their text. */
export function runsOf(block: PmNode): Run[] {
  return (block.content ?? []).flatMap((node): Run[] => {
    if (node.type === 'hardBreak') return [{ kind: 'break' }];
    const text = node.type === 'text' ? (node.text ?? '') : plainText(node);
    if (text.length === 0) return [];
    const has = (type: string) => (node.marks ?? []).some((m) => m.type === type);
    const link = (node.marks ?? []).find((m) => m.type === 'link');
    return [{ kind: 'text', text, bold: has('bold'), italic: has('italic'), strike: has('strike'), underline: has('underline'), code: has('code'), href: safeHref(link?.attrs?.href) }];
  });
}

/** All text of a node, a line per text block and per line break. */
export function plainText(node: PmNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const children = node.content ?? [];
  const blocks = children.some((c) => c.type !== 'text' && c.type !== 'hardBreak');
  return children.map(plainText).join(blocks ? '\n' : '');
}

/**
 * Only web and mail links stay links (P45): a `javascript:` or `file:` target typed into the editor
 * must not become clickable in a paper sent to the Land.
 */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  try {
    const { protocol } = new URL(href);
    return protocol === 'http:' || protocol === 'https:' || protocol === 'mailto:' ? href : null;
  } catch {
    return null;
  }
}

const integerAttr = (node: PmNode, name: string): number | null => {
  const value = Number(node.attrs?.[name]);
  return Number.isInteger(value) ? value : null;
};

export const headingLevel = (node: PmNode): number => Math.min(6, Math.max(1, integerAttr(node, 'level') ?? 1));
export const listStart = (node: PmNode): number => Math.max(0, integerAttr(node, 'start') ?? 1);

export type TableRow = { header: boolean; cells: { header: boolean; text: string }[] };

/** A table as rows of cell texts; a row of header cells only is the table's head. */
export function tableRows(table: PmNode): TableRow[] {
  return (table.content ?? [])
    .filter((row) => row.type === 'tableRow')
    .map((row) => {
      const cells = (row.content ?? []).map((cell) => ({ header: cell.type === 'tableHeader', text: plainText(cell) }));
      return { header: cells.length > 0 && cells.every((c) => c.header), cells };
    });
}
