import PDFDocument from 'pdfkit';
import type { PmNode } from '@verbund/shared/rich-text';
import { fontFor, PDF_FONTS } from './pdf-fonts.js';
import type { Adoption, PositionExport } from './position-export.js';
import { headingLevel, listStart, plainText, runsOf, tableRows, type Run } from './text-runs.js';

type Pdf = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
/** Where blocks are laid out now: the left edge and width of the column (lists and quotes indent it). */
type Column = { left: number; width: number; quoted: boolean };

const MARGIN = { top: 64, bottom: 72, left: 64, right: 64 };
const BODY_SIZE = 11;
const HEADING_SIZES = [20, 16, 14, 12, 11, 11];
const LIST_INDENT = 18;
const QUOTE_INDENT = 16;
const CELL_PADDING = 4;
const MUTED = '#555555';
const DRAFT_RED = '#a00000';

/**
 * The position as PDF/A-2b (P46): PDF 1.7, tagged (headings, paragraphs, lists and tables are
 * structure elements, page numbers artifacts), its language and title set, every font embedded
 * (P47). Pages are buffered so the footer can say "page n of m" once the count is known.
 */
export async function positionPdf(position: PositionExport): Promise<Buffer> {
  const { labels } = position;
  // No ModDate: pdfkit writes no xmp:ModifyDate, and PDF/A wants every Info entry mirrored in the XMP.
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    lang: labels.locale,
    displayTitle: true,
    bufferPages: true,
    font: PDF_FONTS.regular,
    info: { Title: position.title, Author: position.workspace, Subject: position.facts.map((f) => `${f.label}: ${f.value}`).join('; '), CreationDate: position.exportedAt },
  });
  const done = collect(doc);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const column: Column = { left: MARGIN.left, width: doc.page.width - MARGIN.left - MARGIN.right, quoted: false };

  cover(doc, root, position, column);
  const blocks = position.content.content ?? [];
  if (blocks.length === 0) leaf(doc, root, 'P', () => doc.font(PDF_FONTS.italic).fontSize(BODY_SIZE).fillColor(MUTED).text(labels.emptyText, column.left, doc.y, { width: column.width }));
  for (const [index, node] of blocks.entries()) {
    block(doc, root, node, column);
    if (index % BLOCKS_PER_SLICE === BLOCKS_PER_SLICE - 1) await nextTurn();
  }
  if (position.adoption) signaturePage(doc, root, position.adoption, labels, column);
  root.end();
  pageNumbers(doc, labels.page, position.adoption?.hash ?? null);
  doc.end();
  return done;
}

/**
 * pdfkit lays out synchronously: about 0.9 s of CPU per MiB of text (measured here), and a document
 * may hold 8 MiB (Y12). Giving the event loop a turn between slices of blocks keeps the live
 * connections and other requests answered while a long paper is exported.
 */
const BLOCKS_PER_SLICE = 25;

/**
 * The title and facts. A text not adopted says "Entwurf" under its title (P55); an adopted one
 * makes this its cover page, with the adoption's facts and hash, the text starting overleaf (P51).
 */
function cover(doc: Pdf, root: Struct, position: PositionExport, column: Column): void {
  leaf(doc, root, 'H1', () => doc.font(PDF_FONTS.bold).fontSize(22).fillColor('black').text(position.title, column.left, doc.y, { width: column.width }));
  const { notice } = position;
  if (notice) leaf(doc, root, 'P', () => doc.font(PDF_FONTS.bold).fontSize(14).fillColor(DRAFT_RED).text(notice.toUpperCase(), column.left, doc.y, { width: column.width }));
  doc.moveDown(0.5);
  for (const fact of position.facts) {
    leaf(doc, root, 'P', () => {
      doc.font(PDF_FONTS.bold).fontSize(10).fillColor(MUTED).text(`${fact.label}: `, column.left, doc.y, { width: column.width, continued: true });
      doc.font(PDF_FONTS.regular).text(fact.value);
    });
  }
  doc.moveDown(0.5);
  rule(doc, column);
  if (position.adoption) doc.addPage();
}

/**
 * P53: the signature page, a block per partner that approved the adopted hash: the partner, the
 * person and their capacity, the time and the hash they signed, each on a line of its own so that
 * every signature reads whole (in `pdftotext` too).
 */
function signaturePage(doc: Pdf, root: Struct, adoption: Adoption, labels: PositionExport['labels'], column: Column): void {
  doc.addPage();
  leaf(doc, root, 'H1', () => doc.font(PDF_FONTS.bold).fontSize(HEADING_SIZES[0] ?? BODY_SIZE).fillColor('black').text(labels.signatures, column.left, doc.y, { width: column.width }));
  doc.moveDown(0.3);
  leaf(doc, root, 'P', () => doc.font(PDF_FONTS.regular).fontSize(BODY_SIZE).text(adoption.statement, column.left, doc.y, { width: column.width }));
  doc.moveDown(0.6);
  group(doc, root, 'L', (list) => {
    for (const signature of adoption.signatures) {
      ensureSpace(doc, 5 * BODY_SIZE * 1.4);
      group(doc, list, 'LI', (item) => {
        leaf(doc, item, 'Lbl', () => doc.font(PDF_FONTS.bold).fontSize(BODY_SIZE).fillColor('black').text(signature.partner, column.left, doc.y, { width: column.width }));
        group(doc, item, 'LBody', (body) => {
          const line = (label: string, value: string, font: string = PDF_FONTS.regular) =>
            leaf(doc, body, 'P', () => {
              doc.font(PDF_FONTS.bold).fontSize(BODY_SIZE - 1).fillColor(MUTED).text(`${label}: `, column.left, doc.y, { width: column.width, continued: true });
              doc.font(font).fillColor('black').text(value);
            });
          line(labels.signedBy, `${signature.person}, ${signature.capacity}`);
          line(labels.signedAt, signature.at);
          line(labels.version, adoption.hash, PDF_FONTS.mono);
        });
      });
      doc.moveDown(0.4);
      rule(doc, column);
    }
  });
}
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function collect(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** A structure element holding content drawn by `draw`, added under `parent`. */
function leaf(doc: Pdf, parent: Struct, type: string, draw: () => void): void {
  const element = doc.struct(type);
  parent.add(element);
  element.add(draw);
  element.end();
}

/** A structure element whose children are added by `fill`. */
function group(doc: Pdf, parent: Struct, type: string, fill: (element: Struct) => void): void {
  const element = doc.struct(type);
  parent.add(element);
  fill(element);
  element.end();
}

/** Drawing that is no content (rules, borders, page numbers): marked as an artifact, outside the structure. */
function artifact(doc: Pdf, draw: () => void): void {
  doc.markContent('Artifact');
  draw();
  doc.endMarkedContent();
}

const bottomOf = (doc: Pdf) => doc.page.height - MARGIN.bottom;

/** Starts a new page unless `height` still fits on this one. */
function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
}

function block(doc: Pdf, parent: Struct, node: PmNode, column: Column): void {
  switch (node.type) {
    case 'heading': {
      const level = headingLevel(node);
      doc.moveDown(0.6);
      ensureSpace(doc, 3 * (HEADING_SIZES[level - 1] ?? BODY_SIZE));
      leaf(doc, parent, `H${level}`, () => runs(doc, runsOf(node), column, { size: HEADING_SIZES[level - 1] ?? BODY_SIZE, bold: true }));
      doc.moveDown(0.2);
      return;
    }
    case 'bulletList':
    case 'orderedList':
      return list(doc, parent, node, column);
    case 'blockquote':
      return group(doc, parent, 'BlockQuote', (quote) => {
        for (const child of node.content ?? []) block(doc, quote, child, { left: column.left + QUOTE_INDENT, width: column.width - QUOTE_INDENT, quoted: true });
      });
    case 'codeBlock':
      leaf(doc, parent, 'P', () => doc.font(PDF_FONTS.mono).fontSize(BODY_SIZE - 1).fillColor('black').text(plainText(node), column.left, doc.y, { width: column.width }));
      doc.moveDown(0.4);
      return;
    case 'horizontalRule':
      doc.moveDown(0.3);
      rule(doc, column);
      return;
    case 'table':
      return table(doc, parent, node, column);
    case 'paragraph':
      leaf(doc, parent, 'P', () => runs(doc, runsOf(node), column, { size: BODY_SIZE, bold: false }));
      doc.moveDown(0.4);
      return;
    default:
      if (node.content?.some((c) => c.type === 'text')) leaf(doc, parent, 'P', () => runs(doc, runsOf(node), column, { size: BODY_SIZE, bold: false }));
      else for (const child of node.content ?? []) block(doc, parent, child, column);
  }
}

/**
 * A text block's runs: each run in its font, links clickable and underlined. pdfkit continues a
 * line across calls with `continued`; a line break ends the line and the next run starts a new one.
 */
function runs(doc: Pdf, all: Run[], column: Column, base: { size: number; bold: boolean }): void {
  doc.fontSize(base.size).fillColor(column.quoted ? MUTED : 'black');
  const lines: Extract<Run, { kind: 'text' }>[][] = [[]];
  for (const run of all) {
    if (run.kind === 'break') lines.push([]);
    else lines.at(-1)?.push(run);
  }
  doc.x = column.left;
  for (const line of lines) {
    if (line.length === 0) {
      doc.font(PDF_FONTS.regular).text(' ', column.left, doc.y, { width: column.width });
      continue;
    }
    line.forEach((run, i) => {
      doc.font(fontFor({ bold: base.bold || run.bold, italic: run.italic || column.quoted, code: run.code }));
      const options: PDFKit.Mixins.TextOptions = { continued: i < line.length - 1, underline: run.underline || run.href !== null, strike: run.strike, link: run.href };
      if (i === 0) doc.text(run.text, column.left, doc.y, { ...options, width: column.width });
      else doc.text(run.text, options);
    });
  }
}

function list(doc: Pdf, parent: Struct, node: PmNode, column: Column): void {
  const start = listStart(node);
  const inner: Column = { ...column, left: column.left + LIST_INDENT, width: column.width - LIST_INDENT };
  group(doc, parent, 'L', (element) => {
    (node.content ?? []).forEach((item, index) => {
      group(doc, element, 'LI', (li) => {
        ensureSpace(doc, 2 * BODY_SIZE);
        const top = doc.y;
        const marker = node.type === 'orderedList' ? `${start + index}.` : '•';
        leaf(doc, li, 'Lbl', () => doc.font(PDF_FONTS.regular).fontSize(BODY_SIZE).fillColor(column.quoted ? MUTED : 'black').text(marker, column.left, top, { width: LIST_INDENT, lineBreak: false }));
        doc.y = top;
        group(doc, li, 'LBody', (body) => {
          for (const child of item.content ?? []) block(doc, body, child, inner);
        });
      });
    });
  });
}

/** A simple grid: equal columns, each row as high as its tallest cell, a row never split across pages. */
function table(doc: Pdf, parent: Struct, node: PmNode, column: Column): void {
  const rows = tableRows(node);
  const columns = Math.max(1, ...rows.map((r) => r.cells.length));
  const cellWidth = column.width / columns;
  const textWidth = cellWidth - 2 * CELL_PADDING;
  doc.fontSize(BODY_SIZE - 1).fillColor('black');
  group(doc, parent, 'Table', (element) => {
    for (const row of rows) {
      const cells = Array.from({ length: columns }, (_, i) => row.cells[i] ?? { header: false, text: '' });
      const height = Math.max(...cells.map((c) => doc.font(c.header ? PDF_FONTS.bold : PDF_FONTS.regular).heightOfString(c.text || ' ', { width: textWidth }))) + 2 * CELL_PADDING;
      ensureSpace(doc, height);
      const top = doc.y;
      group(doc, element, 'TR', (tr) => {
        cells.forEach((cell, i) => {
          const x = column.left + i * cellWidth;
          leaf(doc, tr, cell.header ? 'TH' : 'TD', () => doc.font(cell.header ? PDF_FONTS.bold : PDF_FONTS.regular).text(cell.text, x + CELL_PADDING, top + CELL_PADDING, { width: textWidth }));
          artifact(doc, () => doc.lineWidth(0.5).strokeColor('#888888').rect(x, top, cellWidth, height).stroke());
        });
      });
      doc.x = column.left;
      doc.y = top + height;
    }
  });
  doc.moveDown(0.6);
}

function rule(doc: Pdf, column: Column): void {
  const y = doc.y;
  artifact(doc, () => doc.lineWidth(0.75).strokeColor('#999999').moveTo(column.left, y).lineTo(column.left + column.width, y).stroke());
  doc.y = y + 8;
}

/**
 * "Seite n von m" under every page. Written below the bottom margin, where pdfkit would start a new
 * page, so the margin is lifted while the footer is written.
 */
function pageNumbers(doc: Pdf, label: (page: number, pages: number) => string, hash: string | null): void {
  const { start, count } = doc.bufferedPageRange();
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN.bottom / 2;
    artifact(doc, () => {
      // P52: the hash of the adopted version on every page, so a single page names the text it belongs to.
      if (hash) doc.font(PDF_FONTS.mono).fontSize(7).fillColor(MUTED).text(`SHA-256 ${hash}`, MARGIN.left, y - 11, { width, align: 'center', lineBreak: false });
      doc.font(PDF_FONTS.regular).fontSize(9).fillColor(MUTED).text(label(i - start + 1, count), MARGIN.left, y, { width, align: 'center', lineBreak: false });
    });
    doc.page.margins.bottom = bottom;
  }
}
