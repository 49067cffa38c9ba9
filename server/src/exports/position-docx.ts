import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type NumberingDefinition,
  type ParagraphChild,
} from 'docx';
import type { PmNode } from '@verbund/shared/rich-text';
import type { Adoption, PositionExport } from './position-export.js';
import { headingLevel, listStart, plainText, runsOf, tableRows } from './text-runs.js';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;
const LEVELS = 9;
const INDENT = 720;
const MONO = 'Courier New';
const BULLETS = ['•', '◦', '▪'];

type Block = Paragraph | Table;
/** Where a block sits: how deep in lists and quotes, for the indent of paragraphs that carry no number. */
type Place = { depth: number; quoted: boolean };

/**
 * The position as a Word document (P42): the title as Word's Title, the facts, then the text with
 * Word's own heading styles, numbered and bulleted lists (each ordered list its own numbering, so it
 * starts where the editor says), tables and hyperlinks, and page numbers in the footer.
 */
export async function positionDocx(position: PositionExport): Promise<Buffer> {
  const lists = new ListNumbering();
  const body = blocksOf(position.content.content ?? [], { depth: 0, quoted: false }, lists);
  const { labels } = position;
  const document = new Document({
    creator: position.workspace,
    title: position.title,
    description: position.facts.map((f) => `${f.label}: ${f.value}`).join('; '),
    styles: { default: { document: { run: { language: { value: labels.locale } } } } },
    numbering: { config: lists.definitions() },
    sections: [
      {
        footers: { default: footer(position.adoption) },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(position.title)] }),
          ...(position.notice ? [new Paragraph({ children: [new TextRun({ text: position.notice, bold: true, allCaps: true })] })] : []),
          ...position.facts.map((f) => new Paragraph({ children: [new TextRun({ text: `${f.label}: `, bold: true }), new TextRun(f.value)] })),
          new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, space: 1, color: 'auto' } }, children: [] }),
          // P51: an adopted paper's text starts after its cover, on a page of its own.
          ...(position.adoption ? [new Paragraph({ pageBreakBefore: true, children: [] })] : []),
          ...(body.length > 0 ? body : [new Paragraph({ children: [new TextRun({ text: labels.emptyText, italics: true })] })]),
          ...(position.adoption ? signaturePage(position.adoption, labels) : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** Page numbers; on an adopted paper the version's hash above them on every page (P52). */
function footer(adoption: Adoption | null): Footer {
  const pages = new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })] });
  if (!adoption) return new Footer({ children: [pages] });
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `SHA-256 ${adoption.hash}`, font: MONO, size: 14 })] }), pages] });
}

/** P53: the signature page: the statement of adoption, the hash, and a row per partner's signature. */
function signaturePage(adoption: Adoption, labels: PositionExport['labels']): Block[] {
  const cell = (text: string, bold = false, font?: string) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, font })] })] });
  const head = [labels.partner, labels.signedBy, labels.capacity, labels.signedAt, labels.version];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(labels.signatures)] }),
    new Paragraph({ children: [new TextRun(adoption.statement)] }),
    new Paragraph({ children: [new TextRun({ text: `${labels.version}: `, bold: true }), new TextRun({ text: adoption.hash, font: MONO })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: head.map((text) => cell(text, true)) }),
        ...adoption.signatures.map((s) => new TableRow({ children: [cell(s.partner), cell(s.person), cell(s.capacity), cell(s.at), cell(adoption.hash, false, MONO)] })),
      ],
    }),
  ];
}

/** Numbering definitions made while the text is walked: one for bullets, one per ordered list. */
class ListNumbering {
  private readonly ordered: NumberingDefinition[] = [];

  readonly bullets = 'bullets';

  /** A new numbering for one ordered list, its level `depth` starting at `start`. */
  orderedList(depth: number, start: number): string {
    const reference = `ordered-${this.ordered.length + 1}`;
    this.ordered.push({ reference, levels: levels((level) => ({ format: LevelFormat.DECIMAL, text: `%${level + 1}.`, start: level === depth ? start : 1 })) });
    return reference;
  }

  definitions(): NumberingDefinition[] {
    return [{ reference: this.bullets, levels: levels((level) => ({ format: LevelFormat.BULLET, text: BULLETS[level % BULLETS.length] ?? '•' })) }, ...this.ordered];
  }
}

function levels(format: (level: number) => Omit<ILevelsOptions, 'level'>): ILevelsOptions[] {
  return Array.from({ length: LEVELS }, (_, level) => ({
    level,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: 360 } } },
    ...format(level),
  }));
}

function blocksOf(nodes: readonly PmNode[], place: Place, lists: ListNumbering): Block[] {
  return nodes.flatMap((node) => block(node, place, lists));
}

function block(node: PmNode, place: Place, lists: ListNumbering): Block[] {
  const indent = place.depth > 0 || place.quoted ? { left: INDENT * (place.depth + (place.quoted ? 1 : 0)) } : undefined;
  switch (node.type) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[headingLevel(node) - 1], indent, children: inline(node, place) })];
    case 'bulletList':
    case 'orderedList':
      return listItems(node, place, lists);
    case 'blockquote':
      return blocksOf(node.content ?? [], { ...place, quoted: true }, lists);
    case 'codeBlock':
      return [new Paragraph({ indent, children: plainText(node).split('\n').map((line, i) => new TextRun({ text: line, font: MONO, ...(i > 0 ? { break: 1 } : {}) })) })];
    case 'horizontalRule':
      return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, space: 1, color: 'auto' } }, children: [] })];
    case 'table':
      return [table(node)];
    case 'paragraph':
      return [new Paragraph({ indent, children: inline(node, place) })];
    default:
      return node.content?.some((c) => c.type === 'text') ? [new Paragraph({ indent, children: inline(node, place) })] : blocksOf(node.content ?? [], place, lists);
  }
}

/** An item's first paragraph carries the number or bullet; its further blocks are indented beneath. */
function listItems(list: PmNode, place: Place, lists: ListNumbering): Block[] {
  const level = Math.min(place.depth, LEVELS - 1);
  const reference = list.type === 'orderedList' ? lists.orderedList(level, listStart(list)) : lists.bullets;
  const inner: Place = { ...place, depth: place.depth + 1 };
  return (list.content ?? []).flatMap((item) =>
    (item.content ?? []).flatMap((child, index): Block[] => {
      if (index === 0 && child.type === 'paragraph') return [new Paragraph({ numbering: { reference, level }, children: inline(child, inner) })];
      return block(child, inner, lists);
    }),
  );
}

function table(node: PmNode): Table {
  const rows = tableRows(node);
  const columns = Math.max(1, ...rows.map((r) => r.cells.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row) =>
        new TableRow({
          tableHeader: row.header,
          children: Array.from({ length: columns }, (_, i) => row.cells[i] ?? { header: false, text: '' }).map(
            (cell) =>
              new TableCell({
                width: { size: 100 / columns, type: WidthType.PERCENTAGE },
                children: cell.text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: cell.header })] })),
              }),
          ),
        }),
    ),
  });
}

function inline(node: PmNode, place: Place): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  let breakNext = false;
  for (const run of runsOf(node)) {
    if (run.kind === 'break') {
      breakNext = true;
      continue;
    }
    const text = new TextRun({
      text: run.text,
      bold: run.bold,
      italics: run.italic || place.quoted,
      strike: run.strike,
      underline: run.underline || run.href ? {} : undefined,
      font: run.code ? MONO : undefined,
      style: run.href ? 'Hyperlink' : undefined,
      ...(breakNext ? { break: 1 } : {}),
    });
    breakNext = false;
    children.push(run.href ? new ExternalHyperlink({ link: run.href, children: [text] }) : text);
  }
  if (breakNext) children.push(new TextRun({ text: '', break: 1 }));
  return children;
}
