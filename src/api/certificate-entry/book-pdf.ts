import PDFDocument from 'pdfkit';
import { formatLocalDate, type LocalDate } from '../../school/calendar';
import {
  CERTIFICATE_KIND_LABELS,
  DUPLICATE_REASON_LABELS,
  type CertificateKind,
  type DuplicateReason,
} from '../../school/records/certificate-rules';
import {
  CERTIFICATE_LEVEL_LABELS,
  markInWords,
  MEDAL_LABELS,
  type CertificateLevel,
  type CertificateSubject,
  type Medal,
} from '../../school/rules/final-marks';
import { BOLD_FONT as BOLD, REGULAR_FONT as REGULAR } from '../../school/pdf-fonts';

/**
 * The pages of the certificate registration book for a level and a calendar year (книга
 * регистрации выданных аттестатов, the columns of order № 546): one block per entry in the order of
 * the registration numbers, with the final marks, the order, the issue and places for the
 * signatures of the one who issued and the one who received. A4 landscape, DejaVu Sans embedded.
 */

const PAGE_WIDTH = 841.89;
const PAGE_HEIGHT = 595.28;
const MARGIN = 36;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const BOTTOM = PAGE_HEIGHT - MARGIN;

export interface BookEntry {
  registrationNumber: number;
  kind: CertificateKind;
  blankNumber: string | null;
  fullName: string;
  birthDate: LocalDate | null;
  marks: CertificateSubject[];
  withDistinction: boolean;
  medal: Medal | null;
  orderNumber: string | null;
  orderDate: LocalDate | null;
  issuedOn: LocalDate;
  issuedBy: string | null;
  receivedBy: string | null;
  proxyData: string | null;
  postData: string | null;
  /** The entry a duplicate or annulment refers to: «№ 3 (2026)». */
  original: string | null;
  reason: DuplicateReason | null;
  reasonNote: string | null;
  /** The annulment that cancelled this entry: «№ 5 (2026), 20.06.2026». */
  annulledBy: string | null;
}

export interface BookPages {
  school: { name: string; address: string };
  level: CertificateLevel;
  year: number;
  entries: BookEntry[];
  printedOn: string;
}

type Doc = PDFKit.PDFDocument;

const date = (value: LocalDate | null): string => (value ? formatLocalDate(value) : '—');

const line = (doc: Doc, label: string, value: string) => {
  doc
    .font(BOLD)
    .fontSize(8.5)
    .text(`${label}: `, { continued: true })
    .font(REGULAR)
    .text(value || '—', { width: CONTENT_WIDTH });
};

const entryHeight = (doc: Doc, entry: BookEntry): number => {
  doc.font(REGULAR).fontSize(8.5);
  const marks = entry.marks.map((mark) => `${mark.subject} — ${markInWords(mark.value)}`).join('; ');
  return 110 + doc.heightOfString(marks, { width: CONTENT_WIDTH });
};

export const renderCertificateBookPdf = (book: BookPages): Promise<Buffer> => {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    font: REGULAR,
    lang: 'ru-RU',
    displayTitle: true,
    info: { Title: `Книга регистрации выданных аттестатов, ${book.year}`, Author: book.school.name, Producer: 'school-records' },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (data: Buffer) => chunks.push(data));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font(BOLD).fontSize(10).text(book.school.name, MARGIN, MARGIN, { width: CONTENT_WIDTH, align: 'center' });
  if (book.school.address) doc.font(REGULAR).fontSize(8).text(book.school.address, { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(0.6);
  doc.font(BOLD).fontSize(13).text('КНИГА РЕГИСТРАЦИИ ВЫДАННЫХ АТТЕСТАТОВ И ИХ ДУБЛИКАТОВ', { width: CONTENT_WIDTH, align: 'center' });
  doc
    .font(REGULAR)
    .fontSize(10)
    .text(`${CERTIFICATE_LEVEL_LABELS[book.level]}, ${book.year} год`, { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(0.8);
  if (book.entries.length === 0) doc.font(REGULAR).fontSize(10).text(`В ${book.year} году записей нет`, MARGIN, doc.y);

  for (const entry of book.entries) {
    if (doc.y + entryHeight(doc, entry) > BOTTOM) doc.addPage();
    const top = doc.y;
    doc
      .moveTo(MARGIN, top)
      .lineTo(PAGE_WIDTH - MARGIN, top)
      .lineWidth(0.5)
      .stroke();
    doc.x = MARGIN;
    doc.y = top + 4;
    const title = `Регистрационный № ${entry.registrationNumber} — ${CERTIFICATE_KIND_LABELS[entry.kind]}`;
    doc.font(BOLD).fontSize(10).text(title, { width: CONTENT_WIDTH });
    if (entry.annulledBy) doc.font(BOLD).fontSize(8.5).text(`АННУЛИРОВАН записью ${entry.annulledBy}`, { width: CONTENT_WIDTH });
    line(doc, 'Серия и номер бланка', entry.blankNumber ?? '');
    line(doc, 'Фамилия, имя, отчество', entry.fullName);
    line(doc, 'Дата рождения', date(entry.birthDate));
    if (entry.original) {
      const reason = entry.reason ? DUPLICATE_REASON_LABELS[entry.reason] : '';
      line(doc, entry.kind === 'annulment' ? 'Аннулируется запись' : 'Дубликат аттестата по записи', entry.original);
      line(doc, 'Причина', [reason, entry.reasonNote].filter(Boolean).join(': '));
    }
    line(doc, 'Итоговые отметки', entry.marks.map((mark) => `${mark.subject} — ${markInWords(mark.value)}`).join('; '));
    const awards = [entry.withDistinction ? 'аттестат с отличием' : '', entry.medal ? MEDAL_LABELS[entry.medal] : ''].filter(Boolean);
    if (awards.length) line(doc, 'Отличие', awards.join(', '));
    line(doc, 'Приказ о выдаче', entry.orderNumber ? `№ ${entry.orderNumber} от ${date(entry.orderDate)}` : '');
    line(doc, entry.kind === 'annulment' ? 'Дата аннулирования' : 'Дата выдачи', date(entry.issuedOn));
    if (entry.kind !== 'annulment') {
      const received = [
        entry.receivedBy ? `получил(а): ${entry.receivedBy}` : '',
        entry.proxyData ? `по доверенности: ${entry.proxyData}` : '',
        entry.postData ? `заказным почтовым отправлением: ${entry.postData}` : '',
      ].filter(Boolean);
      line(doc, 'Получатель', received.join('; '));
    }
    doc
      .font(REGULAR)
      .fontSize(8.5)
      .text(`Выдал: ${entry.issuedBy ?? ''} ____________ (подпись)        Получил: ____________ (подпись)`, { width: CONTENT_WIDTH });
    doc.moveDown(0.6);
  }

  if (doc.y + 60 > BOTTOM) doc.addPage();
  doc.moveDown(1);
  doc
    .font(REGULAR)
    .fontSize(9)
    .text(`Распечатано ${book.printedOn}. Записей: ${book.entries.length}.`, MARGIN, doc.y, { width: CONTENT_WIDTH });
  doc.text('Директор ______________________        М. П.', { width: CONTENT_WIDTH });
  doc.end();
  return done;
};
