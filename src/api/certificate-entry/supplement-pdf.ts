import { formatLocalDate, type LocalDate } from '../../school/calendar';
import { BOLD_FONT, REGULAR_FONT } from '../../school/pdf-fonts';
import { CONTENT_WIDTH, createPdf, drawTable, numberPages } from '../../school/pdf-document';
import {
  CERTIFICATE_LEVEL_LABELS,
  MEDAL_LABELS,
  markInWords,
  type CertificateLevel,
  type CertificateSubject,
  type Medal,
} from '../../school/rules/final-marks';

/** An entry of the certificate book as its supplement prints it. */
export interface SupplementEntry {
  schoolName: string;
  schoolAddress: string | null;
  level: CertificateLevel;
  kind: 'original' | 'duplicate';
  fullName: string;
  birthDate: LocalDate | null;
  registrationNumber: number;
  bookYear: number;
  blankNumber: string | null;
  issuedOn: LocalDate;
  marks: CertificateSubject[];
  withDistinction: boolean;
  medal: Medal | null;
}

/**
 * «Приложение к аттестату» (R41) as the school fills it from the book (R40): the holder, the
 * registration number and date of issue, each subject of the curriculum with its final mark in
 * figures and words, in the book's order, the award, and the places for the head's signature and
 * the seal. It is the text to be transferred onto the official blank, which the school prints on
 * its own form; the PDF says so.
 */
export const renderSupplementPdf = async (entry: SupplementEntry, at: Date = new Date()): Promise<Buffer> => {
  const title = `Приложение к аттестату ${CERTIFICATE_LEVEL_LABELS[entry.level].replace(/^аттестат /, '')}`;
  const { doc, done } = createPdf({ title: `${title}: ${entry.fullName}`, schoolName: entry.schoolName, at });
  doc.font(REGULAR_FONT).fontSize(9).fillColor('#555555').text(entry.schoolName, { width: CONTENT_WIDTH, align: 'center' });
  if (entry.schoolAddress) doc.text(entry.schoolAddress, { width: CONTENT_WIDTH, align: 'center' });
  doc.fillColor('black').moveDown(0.8);
  doc.font(BOLD_FONT).fontSize(14).text(title.toUpperCase(), { width: CONTENT_WIDTH, align: 'center' });
  if (entry.kind === 'duplicate') doc.font(BOLD_FONT).fontSize(11).text('ДУБЛИКАТ', { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(0.8);
  doc.font(REGULAR_FONT).fontSize(11);
  doc.text(`Фамилия, имя, отчество: ${entry.fullName}`, { width: CONTENT_WIDTH });
  doc.text(`Дата рождения: ${entry.birthDate ? formatLocalDate(entry.birthDate) : '—'}`, { width: CONTENT_WIDTH });
  doc.text(`Регистрационный номер: ${entry.registrationNumber} (книга ${entry.bookYear} года)`, { width: CONTENT_WIDTH });
  doc.text(`Номер бланка аттестата: ${entry.blankNumber ?? '—'}`, { width: CONTENT_WIDTH });
  doc.text(`Дата выдачи: ${formatLocalDate(entry.issuedOn)}`, { width: CONTENT_WIDTH });
  doc.moveDown(0.8);
  drawTable(
    doc,
    [
      { header: '№', width: 0.07, align: 'center' },
      { header: 'Наименование учебного предмета', width: 0.58 },
      { header: 'Итоговая отметка', width: 0.35, align: 'center' },
    ],
    entry.marks.map((mark, index) => [String(index + 1), mark.subject, markInWords(mark.value)]),
    10,
  );
  doc.moveDown(0.8);
  const award = [entry.withDistinction ? 'Аттестат с отличием' : null, entry.medal ? MEDAL_LABELS[entry.medal] : null].filter(Boolean);
  doc
    .font(REGULAR_FONT)
    .fontSize(11)
    .text(`Дополнительные сведения: ${award.length ? award.join('; ') : '—'}`, { width: CONTENT_WIDTH });
  doc.moveDown(2);
  doc.text('Руководитель образовательной организации  ____________________ / ____________________ /', { width: CONTENT_WIDTH });
  doc.moveDown(0.5);
  doc.text('М.П.', { width: CONTENT_WIDTH });
  doc.moveDown(1.5);
  doc
    .fontSize(8)
    .fillColor('#555555')
    .text('Текст для заполнения бланка приложения строгой отчётности; сформирован из книги регистрации выданных аттестатов.', {
      width: CONTENT_WIDTH,
    })
    .fillColor('black');
  numberPages(doc);
  doc.end();
  return done;
};
