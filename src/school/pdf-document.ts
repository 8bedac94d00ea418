import PDFDocument from 'pdfkit';
import { BOLD_FONT, REGULAR_FONT } from './pdf-fonts';

/**
 * What every printed form of the school shares: an A4 page with 40 pt margins, DejaVu Sans embedded
 * (every Cyrillic letter prints the same everywhere), the document's title and school in its
 * metadata, pages buffered so that «Страница N из M» is written once the count is known.
 */

export type PdfDoc = PDFKit.PDFDocument;

export const A4 = { width: 595.28, height: 841.89, margin: 40 } as const;
export const CONTENT_WIDTH = A4.width - 2 * A4.margin;

export interface PdfMeta {
  title: string;
  /** The school: author and creator of the document. */
  schoolName: string;
  at?: Date;
  layout?: 'portrait' | 'landscape';
}

/** A new A4 document and the promise of its bytes (resolved when `doc.end()` is called). */
export const createPdf = ({ title, schoolName, at = new Date(), layout = 'portrait' }: PdfMeta): { doc: PdfDoc; done: Promise<Buffer> } => {
  const doc = new PDFDocument({
    size: 'A4',
    layout,
    margins: { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin },
    bufferPages: true,
    font: REGULAR_FONT,
    lang: 'ru-RU',
    displayTitle: true,
    info: { Title: title, Author: schoolName, Creator: schoolName, Producer: 'school-records', CreationDate: at, ModDate: at },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (data: Buffer) => chunks.push(data));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
};

/** The width between the margins of the current page (landscape pages are wider). */
export const pageContentWidth = (doc: PdfDoc): number => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** A bold section heading with a little space around it. */
export const sectionHeading = (doc: PdfDoc, text: string): void => {
  doc.moveDown(0.8);
  doc
    .font(BOLD_FONT)
    .fontSize(12)
    .text(text, doc.page.margins.left, doc.y, { width: pageContentWidth(doc) });
  doc.moveDown(0.3);
  doc.font(REGULAR_FONT).fontSize(10);
};

/** «Страница N из M» at the foot of every page; call once, before `doc.end()`. */
export const numberPages = (doc: PdfDoc): void => {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(REGULAR_FONT)
      .fontSize(7)
      .text(`Страница ${index - range.start + 1} из ${range.count}`, doc.page.margins.left, doc.page.height - A4.margin + 12, {
        width: pageContentWidth(doc),
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
};

export interface TableColumn {
  header: string;
  /** Share of the content width. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/**
 * A ruled table that breaks across pages, repeating its header: each row is as tall as its tallest
 * cell. Rows are arrays of cell texts in column order.
 */
export const drawTable = (doc: PdfDoc, columns: TableColumn[], rows: string[][], fontSize = 9): void => {
  const left = doc.page.margins.left;
  const total = pageContentWidth(doc);
  const widths = columns.map((column) => column.width * total);
  const padding = 3;
  const heightOf = (cells: string[], font: string) => {
    doc.font(font).fontSize(fontSize);
    return Math.max(...cells.map((cell, index) => doc.heightOfString(cell || ' ', { width: widths[index] - 2 * padding }))) + 2 * padding;
  };
  const drawRow = (cells: string[], font: string) => {
    const height = heightOf(cells, font);
    const top = doc.y;
    let x = left;
    cells.forEach((cell, index) => {
      doc.rect(x, top, widths[index], height).stroke();
      doc
        .font(font)
        .fontSize(fontSize)
        .text(cell, x + padding, top + padding, { width: widths[index] - 2 * padding, align: columns[index].align ?? 'left' });
      x += widths[index];
    });
    doc.x = left;
    doc.y = top + height;
  };
  const headers = columns.map((column) => column.header);
  const bottomLimit = () => doc.page.height - doc.page.margins.bottom - 14;
  doc.lineWidth(0.5);
  drawRow(headers, BOLD_FONT);
  for (const row of rows) {
    if (doc.y + heightOf(row, REGULAR_FONT) > bottomLimit()) {
      doc.addPage();
      drawRow(headers, BOLD_FONT);
    }
    drawRow(row, REGULAR_FONT);
  }
  doc.font(REGULAR_FONT).fontSize(10);
};
