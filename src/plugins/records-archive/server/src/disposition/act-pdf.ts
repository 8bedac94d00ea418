import PDFDocument from 'pdfkit';
import { russianDate, TYPE_LABELS, type DisposableType } from './record-kinds';
import { BOLD_FONT as BOLD, REGULAR_FONT as REGULAR } from '../../../../../school/pdf-fonts';

/**
 * The printable destruction act (акт о выделении к уничтожению документов, не подлежащих
 * хранению), A4 portrait, DejaVu Sans embedded for Cyrillic: the director's approval block, the
 * numbered list of records with the rule and the date their period ran out, the legal basis and
 * the signature lines. Kept with the act for ever; printed at any stage (a draft says so).
 */

const MARGIN = 42;
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const BOTTOM = PAGE_HEIGHT - MARGIN;

export const ACT_TITLE = 'АКТ о выделении к уничтожению документов, не подлежащих хранению';

export interface PrintableActItem {
  recordType: DisposableType;
  title: string;
  ruleTitle: string;
  legalBasis: string;
  closedOn: string | null;
  expiresOn: string;
}

export interface PrintableAct {
  number: string;
  date: string;
  state: 'draft' | 'approved' | 'rejected' | 'executed';
  items: PrintableActItem[];
  legalBasis: string | null;
  notes: string | null;
  draftedBy: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  rejectedBy: string | null;
  rejectionReason: string | null;
  executedBy: string | null;
  executedAt: string | null;
}

type Doc = PDFKit.PDFDocument;

/** «Иван Петров <ivan@school>» → «Иван Петров». */
const personName = (actor: string | null): string => (actor ? actor.replace(/\s*<[^>]*>\s*$/, '') : '');

const instantDate = (instant: string | null): string =>
  instant ? russianDate(new Date(instant).toISOString()) : '«___» __________ 20__ г.';

const COLUMNS = [
  { title: '№ п/п', width: 34 },
  { title: 'Заголовок (запись)', width: 175 },
  { title: 'Вид записи', width: 70 },
  { title: 'Срок хранения и основание', width: 130 },
  { title: 'Срок истёк', width: 58 },
  { title: 'Примечание', width: CONTENT_WIDTH - 34 - 175 - 70 - 130 - 58 },
];
const PADDING = 3;

const rowHeight = (doc: Doc, cells: string[]): number =>
  Math.max(...cells.map((cell, index) => doc.heightOfString(cell, { width: COLUMNS[index].width - 2 * PADDING }))) + 2 * PADDING;

const drawRow = (doc: Doc, y: number, cells: string[], font: 'regular' | 'bold'): number => {
  doc.font(font).fontSize(8);
  const height = rowHeight(doc, cells);
  let x = MARGIN;
  cells.forEach((cell, index) => {
    const { width } = COLUMNS[index];
    doc.rect(x, y, width, height).lineWidth(0.5).stroke();
    doc.text(cell, x + PADDING, y + PADDING, { width: width - 2 * PADDING });
    x += width;
  });
  return y + height;
};

const header = COLUMNS.map((column) => column.title);

const drawTable = (doc: Doc, act: PrintableAct, top: number): number => {
  let y = drawRow(doc, top, header, 'bold');
  act.items.forEach((item, index) => {
    const cells = [
      String(index + 1),
      item.title,
      TYPE_LABELS[item.recordType] ?? item.recordType,
      `${item.ruleTitle}. ${item.legalBasis}`,
      russianDate(item.expiresOn),
      item.closedOn ? `срок считается от ${russianDate(item.closedOn)}` : '',
    ];
    doc.font('regular').fontSize(8);
    if (y + rowHeight(doc, cells) > BOTTOM) {
      doc.addPage();
      y = drawRow(doc, MARGIN, header, 'bold');
    }
    y = drawRow(doc, y, cells, 'regular');
  });
  return y;
};

const ensureSpace = (doc: Doc, y: number, needed: number): number => {
  if (y + needed <= BOTTOM) return y;
  doc.addPage();
  return MARGIN;
};

const paragraph = (
  doc: Doc,
  y: number,
  text: string,
  options: { font?: 'regular' | 'bold'; size?: number; align?: 'left' | 'center' } = {},
): number => {
  doc.font(options.font ?? 'regular').fontSize(options.size ?? 10);
  const height = doc.heightOfString(text, { width: CONTENT_WIDTH });
  const top = ensureSpace(doc, y, height);
  doc.text(text, MARGIN, top, { width: CONTENT_WIDTH, align: options.align ?? 'left' });
  return top + height + 6;
};

const signature = (doc: Doc, y: number, role: string, name: string, date: string): number => {
  const top = ensureSpace(doc, y, 40);
  doc.font('regular').fontSize(10);
  doc.text(role, MARGIN, top, { width: 170 });
  doc.text('____________________', MARGIN + 175, top, { width: 130 });
  doc.text(name ? `/ ${name} /` : '/ ____________________ /', MARGIN + 310, top, { width: CONTENT_WIDTH - 310 });
  doc.fontSize(7).text('(подпись)', MARGIN + 215, top + 13, { width: 80 });
  doc.fontSize(9).text(date, MARGIN + 310, top + 14, { width: CONTENT_WIDTH - 310 });
  return top + 40;
};

export const renderActPdf = (act: PrintableAct, schoolName: string): Promise<Buffer> => {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    font: REGULAR,
    lang: 'ru-RU',
    displayTitle: true,
    info: { Title: `${ACT_TITLE} № ${act.number}`, Author: schoolName, Producer: 'school-records' },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (data: Buffer) => chunks.push(data));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // The school on the left, the director's approval on the right.
  doc.font('bold').fontSize(10).text(schoolName, MARGIN, MARGIN, { width: 250 });
  const approval = [
    'УТВЕРЖДАЮ',
    'Директор',
    `____________ ${personName(act.approvedBy) || '____________________'}`,
    act.state === 'approved' || act.state === 'executed' ? instantDate(act.approvedAt) : '«___» __________ 20__ г.',
  ];
  doc
    .font('regular')
    .fontSize(10)
    .text(approval.join('\n'), MARGIN + 300, MARGIN, { width: CONTENT_WIDTH - 300 });

  let y = Math.max(doc.y, MARGIN + 70) + 16;
  y = paragraph(doc, y, 'АКТ', { font: 'bold', size: 14, align: 'center' });
  y = paragraph(doc, y, `${russianDate(act.date)} № ${act.number}`, { align: 'center' });
  y = paragraph(doc, y, 'о выделении к уничтожению документов, не подлежащих хранению', { font: 'bold', size: 11, align: 'center' });
  if (act.state === 'draft')
    y = paragraph(doc, y, 'ПРОЕКТ: акт не утверждён, уничтожение по нему не допускается', { font: 'bold', size: 9, align: 'center' });
  if (act.state === 'rejected') {
    y = paragraph(doc, y, `АКТ ОТКЛОНЁН${act.rejectionReason ? `: ${act.rejectionReason}` : ''}`, {
      font: 'bold',
      size: 9,
      align: 'center',
    });
  }
  y += 4;
  const basis = act.legalBasis?.trim() ? act.legalBasis.trim() : 'сроков хранения, установленных Положением школы';
  y = paragraph(
    doc,
    y,
    `На основании ${basis} отобраны к уничтожению как не имеющие научно-исторической ценности и утратившие практическое значение следующие документы (записи):`,
  );
  y = drawTable(doc, act, y + 2) + 8;
  y = paragraph(doc, y, `Итого: ${act.items.length} ${act.items.length === 1 ? 'запись' : act.items.length < 5 ? 'записи' : 'записей'}.`);
  if (act.notes?.trim()) y = paragraph(doc, y, `Примечание: ${act.notes.trim()}`);
  if (act.state === 'executed') {
    y = paragraph(
      doc,
      y,
      `Записи уничтожены (обезличены) ${instantDate(act.executedAt)}. Уничтожение произвёл: ${personName(act.executedBy)}.`,
    );
  }
  y += 10;
  y = signature(doc, y, 'Составил', personName(act.draftedBy), russianDate(act.date));
  y = signature(doc, y, 'Утвердил директор', personName(act.approvedBy), act.approvedAt ? instantDate(act.approvedAt) : '');
  signature(doc, y, 'Уничтожение произвёл', personName(act.executedBy), act.executedAt ? instantDate(act.executedAt) : '');

  doc.end();
  return done;
};
