import { formatLocalDate, type LocalDate } from '../../school/calendar';
import { BOLD_FONT, REGULAR_FONT } from '../../school/pdf-fonts';
import { createPdf, drawTable, numberPages, pageContentWidth } from '../../school/pdf-document';
import {
  STUDY_CERTIFICATE_KIND_LABELS,
  STUDY_CERTIFICATE_REASON_LABELS,
  type StudyCertificateKind,
  type StudyCertificateReason,
  type StudyYear,
} from '../../school/records/study-certificate-rules';

/**
 * The pages of the book of study certificates for a calendar year (книга регистрации справок об
 * обучении): one ruled row per entry in the order of the numbers — number, date, pupil, period and
 * classes, the marks of each year, the reason, who issued and who received (with a place to sign).
 * Annulled entries name the annulling entry. A4 landscape.
 */

export interface StudyBookEntry {
  registrationNumber: number;
  kind: StudyCertificateKind;
  issuedOn: LocalDate;
  fullName: string;
  birthDate: LocalDate | null;
  periodFrom: LocalDate | null;
  periodTo: LocalDate | null;
  reason: StudyCertificateReason | null;
  reasonNote: string | null;
  years: StudyYear[];
  issuedBy: string | null;
  receivedBy: string | null;
  /** The entry an annulment annuls: «№ 3 (2026)». */
  original: string | null;
  /** The annulment that cancelled this entry: «№ 5 (2026) от 20.06.2026». */
  annulledBy: string | null;
}

const date = (value: LocalDate | null): string => (value ? formatLocalDate(value) : '—');

const marksOf = (years: StudyYear[]): string =>
  years
    .map(
      (year) =>
        `${year.academicYear} (${year.classes}): ${
          year.subjects.map((mark) => `${mark.subject} — ${mark.value}${mark.source === 'period' ? '*' : ''}`).join('; ') || 'отметок нет'
        }`,
    )
    .join('\n');

export const renderStudyCertificateBookPdf = async (
  book: { schoolName: string; schoolAddress: string; year: number; entries: StudyBookEntry[]; printedOn: string },
  at: Date = new Date(),
): Promise<Buffer> => {
  const { doc, done } = createPdf({
    title: `Книга регистрации справок об обучении, ${book.year}`,
    schoolName: book.schoolName,
    at,
    layout: 'landscape',
  });
  const width = pageContentWidth(doc);
  doc.font(BOLD_FONT).fontSize(10).text(book.schoolName, { width, align: 'center' });
  if (book.schoolAddress) doc.font(REGULAR_FONT).fontSize(8).text(book.schoolAddress, { width, align: 'center' });
  doc.moveDown(0.6);
  doc.font(BOLD_FONT).fontSize(13).text('КНИГА РЕГИСТРАЦИИ СПРАВОК ОБ ОБУЧЕНИИ', { width, align: 'center' });
  doc.font(REGULAR_FONT).fontSize(10).text(`${book.year} год`, { width, align: 'center' });
  doc.moveDown(0.8);
  if (book.entries.length === 0) doc.text(`В ${book.year} году записей нет`, { width });
  else {
    drawTable(
      doc,
      [
        { header: '№', width: 0.04, align: 'center' },
        { header: 'Дата выдачи', width: 0.07 },
        { header: 'Фамилия, имя, отчество, дата рождения', width: 0.14 },
        { header: 'Период обучения', width: 0.08 },
        { header: 'Учебные годы, классы и отметки (годовые; * — за последний период)', width: 0.35 },
        { header: 'Основание', width: 0.12 },
        { header: 'Выдал', width: 0.1 },
        { header: 'Получил (подпись)', width: 0.1 },
      ],
      book.entries.map((entry) => {
        const head = [
          String(entry.registrationNumber),
          date(entry.issuedOn),
          `${entry.fullName}\n${date(entry.birthDate)}`,
          `${date(entry.periodFrom)} — ${date(entry.periodTo)}`,
        ];
        if (entry.kind === 'annulment') {
          return [
            ...head,
            `${STUDY_CERTIFICATE_KIND_LABELS.annulment.toUpperCase()} справки ${entry.original ?? ''}`,
            entry.reasonNote ?? '',
            entry.issuedBy ?? '',
            '',
          ];
        }
        const reason = [entry.reason ? STUDY_CERTIFICATE_REASON_LABELS[entry.reason] : '', entry.reasonNote ?? '']
          .filter(Boolean)
          .join('; ');
        return [
          ...head,
          `${entry.annulledBy ? `АННУЛИРОВАНА записью ${entry.annulledBy}\n` : ''}${marksOf(entry.years)}`,
          reason,
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
