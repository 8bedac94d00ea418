import PDFDocument from 'pdfkit';
import { BOLD_FONT as BOLD, REGULAR_FONT as REGULAR } from '../../../../../school/pdf-fonts';

/**
 * A small table printer for the paper archive's documents (the list of files, the check act):
 * A4 with DejaVu Sans embedded, ruled rows that wrap their text, the header repeated on each page.
 */

export const MARGIN = 42;

export type Doc = PDFKit.PDFDocument;

export interface Column {
  title: string;
  width: number;
}

export interface Page {
  doc: Doc;
  width: number;
  bottom: number;
  done: Promise<Buffer>;
}

const PADDING = 3;

export const openDocument = (title: string, author: string, layout: 'portrait' | 'landscape' = 'portrait'): Page => {
  const doc = new PDFDocument({
    size: 'A4',
    layout,
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    font: REGULAR,
    lang: 'ru-RU',
    displayTitle: true,
    info: { Title: title, Author: author, Producer: 'school-records' },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (data: Buffer) => chunks.push(data));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, width: doc.page.width - 2 * MARGIN, bottom: doc.page.height - MARGIN, done };
};

const rowHeight = (doc: Doc, columns: Column[], cells: string[]): number =>
  Math.max(...cells.map((cell, index) => doc.heightOfString(cell, { width: columns[index].width - 2 * PADDING }))) + 2 * PADDING;

const drawRow = (doc: Doc, columns: Column[], y: number, cells: string[], font: 'regular' | 'bold', size: number): number => {
  doc.font(font).fontSize(size);
  const height = rowHeight(doc, columns, cells);
  let x = MARGIN;
  cells.forEach((cell, index) => {
    const { width } = columns[index];
    doc.rect(x, y, width, height).lineWidth(0.5).stroke();
    doc.text(cell, x + PADDING, y + PADDING, { width: width - 2 * PADDING });
    x += width;
  });
  return y + height;
};

/** Draws the table from `top`; returns the y below it. */
export const drawTable = (page: Page, columns: Column[], rows: string[][], top: number, size = 8): number => {
  const { doc } = page;
  const header = columns.map((column) => column.title);
  let y = drawRow(doc, columns, top, header, 'bold', size);
  for (const cells of rows) {
    doc.font('regular').fontSize(size);
    if (y + rowHeight(doc, columns, cells) > page.bottom) {
      doc.addPage();
      y = drawRow(doc, columns, MARGIN, header, 'bold', size);
    }
    y = drawRow(doc, columns, y, cells, 'regular', size);
  }
  return y;
};

export const paragraph = (
  page: Page,
  y: number,
  text: string,
  options: { font?: 'regular' | 'bold'; size?: number; align?: 'left' | 'center' | 'right' } = {},
): number => {
  const { doc } = page;
  doc.font(options.font ?? 'regular').fontSize(options.size ?? 10);
  const height = doc.heightOfString(text, { width: page.width });
  let top = y;
  if (top + height > page.bottom) {
    doc.addPage();
    top = MARGIN;
  }
  doc.text(text, MARGIN, top, { width: page.width, align: options.align ?? 'left' });
  return top + height + 6;
};

/** «Должность ____ / Имя /», on a new page when it does not fit. */
export const signatureLine = (page: Page, y: number, role: string, name: string, date = ''): number => {
  const { doc } = page;
  let top = y;
  if (top + 36 > page.bottom) {
    doc.addPage();
    top = MARGIN;
  }
  doc.font('regular').fontSize(10);
  doc.text(role, MARGIN, top, { width: 170 });
  doc.text('____________________', MARGIN + 175, top, { width: 130 });
  doc.text(name ? `/ ${name} /` : '/ ____________________ /', MARGIN + 310, top, { width: page.width - 310 });
  doc.fontSize(7).text('(подпись)', MARGIN + 215, top + 13, { width: 80 });
  if (date) doc.fontSize(9).text(date, MARGIN + 310, top + 14, { width: page.width - 310 });
  return top + 36;
};

/** `2025-05-31` → `31.05.2025`. */
export const dotted = (isoDate: string | null | undefined): string => {
  if (!isoDate) return '—';
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}.${month}.${year}`;
};
