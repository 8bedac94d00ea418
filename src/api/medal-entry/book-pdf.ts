import { formatLocalDate, type LocalDate } from '../../school/calendar';
import { BOLD_FONT, REGULAR_FONT } from '../../school/pdf-fonts';
import { createPdf, drawTable, numberPages, pageContentWidth } from '../../school/pdf-document';
import { MEDAL_LABELS, type Medal } from '../../school/rules/final-marks';

/**
 * The pages of the medals book for a calendar year (книга учёта и выдачи медалей «За особые успехи
 * в учении», seed 003 §4.3.1): one ruled row per entry in the order of the numbers — the pupil, the
 * medal and its degree, the аттестат it was awarded with, the order, the issue, who issued and who
 * received (with a place to sign). Annulled entries name the annulling entry. A4 landscape.
 */

export interface MedalBookEntry {
  registrationNumber: number;
  kind: 'original' | 'annulment';
  issuedOn: LocalDate;
  fullName: string;
  medal: Medal | null;
  certificate: string | null;
  orderNumber: string | null;
  orderDate: LocalDate | null;
  issuedBy: string | null;
  receivedBy: string | null;
  reasonNote: string | null;
  original: string | null;
  annulledBy: string | null;
}

const date = (value: LocalDate | null): string => (value ? formatLocalDate(value) : '—');

export const renderMedalBookPdf = async (
  book: { schoolName: string; schoolAddress: string; year: number; entries: MedalBookEntry[]; printedOn: string },
  at: Date = new Date(),
): Promise<Buffer> => {
  const { doc, done } = createPdf({
    title: `Книга учёта и выдачи медалей, ${book.year}`,
    schoolName: book.schoolName,
    at,
    layout: 'landscape',
  });
  const width = pageContentWidth(doc);
  doc.font(BOLD_FONT).fontSize(10).text(book.schoolName, { width, align: 'center' });
  if (book.schoolAddress) doc.font(REGULAR_FONT).fontSize(8).text(book.schoolAddress, { width, align: 'center' });
  doc.moveDown(0.6);
  doc.font(BOLD_FONT).fontSize(13).text('КНИГА УЧЁТА И ВЫДАЧИ МЕДАЛЕЙ «ЗА ОСОБЫЕ УСПЕХИ В УЧЕНИИ»', { width, align: 'center' });
  doc.font(REGULAR_FONT).fontSize(10).text(`${book.year} год`, { width, align: 'center' });
  doc.moveDown(0.8);
  if (book.entries.length === 0) doc.text(`В ${book.year} году записей нет`, { width });
  else {
    drawTable(
      doc,
      [
        { header: '№', width: 0.04, align: 'center' },
        { header: 'Дата выдачи', width: 0.08 },
        { header: 'Фамилия, имя, отчество', width: 0.16 },
        { header: 'Медаль', width: 0.17 },
        { header: 'Аттестат (запись книги, бланк)', width: 0.15 },
        { header: 'Приказ о награждении', width: 0.12 },
        { header: 'Выдал', width: 0.14 },
        { header: 'Получил (подпись)', width: 0.14 },
      ],
      book.entries.map((entry) => {
        const medal = entry.medal ? MEDAL_LABELS[entry.medal] : '—';
        const order = entry.orderNumber ? `№ ${entry.orderNumber} от ${date(entry.orderDate)}` : '—';
        if (entry.kind === 'annulment') {
          return [
            String(entry.registrationNumber),
            date(entry.issuedOn),
            entry.fullName,
            `АННУЛИРОВАНИЕ записи ${entry.original ?? ''}: ${entry.reasonNote ?? ''}`,
            entry.certificate ?? '—',
            order,
            entry.issuedBy ?? '',
            '',
          ];
        }
        return [
          String(entry.registrationNumber),
          date(entry.issuedOn),
          entry.fullName,
          `${entry.annulledBy ? `АННУЛИРОВАНА записью ${entry.annulledBy}\n` : ''}${medal}`,
          entry.certificate ?? '—',
          order,
          entry.issuedBy ?? '',
          entry.receivedBy ?? '',
        ];
      }),
      8,
    );
  }
  doc.moveDown(1);
  doc
    .font(REGULAR_FONT)
    .fontSize(9)
    .text(`Распечатано ${book.printedOn}. Записей: ${book.entries.length}.`, doc.page.margins.left, doc.y, { width });
  doc.text('Директор ______________________        М. П.', { width });
  numberPages(doc);
  doc.end();
  return done;
};
