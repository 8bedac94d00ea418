import { formatLocalDate, type LocalDate } from '../../school/calendar';
import { BOLD_FONT, REGULAR_FONT } from '../../school/pdf-fonts';
import { createPdf, drawTable, numberPages, pageContentWidth } from '../../school/pdf-document';
import { STUDY_CERTIFICATE_REASON_LABELS, type StudyCertificateReason, type StudyYear } from '../../school/records/study-certificate-rules';

/**
 * The справка об обучении (о периоде обучения, seed 000 §1.13; 273-ФЗ art. 60 part 12): the school's
 * details from its settings, the number in the book and the date, the pupil, the period of study and
 * the classes, a table of subjects × years with the marks from the journal, the reason, and places for
 * the director's signature and the seal. A4 landscape when the years do not fit a portrait page.
 */

export interface StudyCertificateDocument {
  schoolName: string;
  schoolAddress: string | null;
  registrationNumber: number;
  bookYear: number;
  issuedOn: LocalDate;
  fullName: string;
  birthDate: LocalDate | null;
  periodFrom: LocalDate | null;
  periodTo: LocalDate | null;
  reason: StudyCertificateReason | null;
  years: StudyYear[];
}

/** The subjects of all years, in the order they first appear (each year is in the curriculum's order). */
const subjectsOf = (years: StudyYear[]): string[] => [...new Set(years.flatMap((year) => year.subjects.map((mark) => mark.subject)))];

export const renderStudyCertificatePdf = async (certificate: StudyCertificateDocument, at: Date = new Date()): Promise<Buffer> => {
  const wide = certificate.years.length > 4;
  const { doc, done } = createPdf({
    title: `Справка об обучении: ${certificate.fullName}`,
    schoolName: certificate.schoolName,
    at,
    layout: wide ? 'landscape' : 'portrait',
  });
  const width = pageContentWidth(doc);
  doc.font(BOLD_FONT).fontSize(11).text(certificate.schoolName, { width, align: 'center' });
  if (certificate.schoolAddress) doc.font(REGULAR_FONT).fontSize(9).text(certificate.schoolAddress, { width, align: 'center' });
  doc.moveDown(1.2);
  doc
    .font(BOLD_FONT)
    .fontSize(14)
    .text(`СПРАВКА ОБ ОБУЧЕНИИ № ${certificate.registrationNumber}/${certificate.bookYear}`, { width, align: 'center' });
  doc
    .font(REGULAR_FONT)
    .fontSize(10)
    .text(`от ${formatLocalDate(certificate.issuedOn)}`, { width, align: 'center' });
  doc.moveDown(1);
  const period =
    certificate.periodFrom && certificate.periodTo
      ? ` с ${formatLocalDate(certificate.periodFrom)} по ${formatLocalDate(certificate.periodTo)}`
      : '';
  const classes = certificate.years.map((year) => `${year.classes} (${year.academicYear})`).join(', ');
  doc
    .fontSize(11)
    .text(
      `Выдана ${certificate.fullName}${certificate.birthDate ? `, ${formatLocalDate(certificate.birthDate)} года рождения,` : ''} ` +
        `в том, что он(а) обучался(лась) в ${certificate.schoolName}${period} в классах: ${classes} ` +
        'и получил(а) по учебным предметам следующие отметки:',
      { width },
    );
  doc.moveDown(0.8);
  const subjects = subjectsOf(certificate.years);
  const yearShare = certificate.years.length ? 0.65 / certificate.years.length : 0;
  let fromPeriod = false;
  drawTable(
    doc,
    [
      { header: 'Учебный предмет', width: certificate.years.length ? 0.35 : 1 },
      ...certificate.years.map((year) => ({
        header: `${year.classes} класс\n${year.academicYear}`,
        width: yearShare,
        align: 'center' as const,
      })),
    ],
    subjects.map((subject) => [
      subject,
      ...certificate.years.map((year) => {
        const mark = year.subjects.find((candidate) => candidate.subject === subject);
        if (!mark) return '—';
        if (mark.source === 'period') fromPeriod = true;
        return mark.source === 'period' ? `${mark.value}*` : mark.value;
      }),
    ]),
    10,
  );
  doc.moveDown(0.5);
  doc.font(REGULAR_FONT).fontSize(9);
  doc.text('Отметки — годовые; «—» — предмет в этом году не изучался или отметки нет.', doc.page.margins.left, doc.y, { width });
  if (fromPeriod) doc.text('* отметка за последний учебный период года: годовая отметка не выставлялась (обучение прекращено).', { width });
  doc.moveDown(0.8);
  doc.fontSize(11);
  if (certificate.reason) doc.text(`Основание выдачи: ${STUDY_CERTIFICATE_REASON_LABELS[certificate.reason]}.`, { width });
  doc.text('Справка выдана в соответствии с частью 12 статьи 60 Федерального закона «Об образовании в Российской Федерации».', { width });
  doc.moveDown(2);
  doc.text('Директор  ____________________ / ____________________ /', { width });
  doc.moveDown(0.5);
  doc.text('М.П.', { width });
  numberPages(doc);
  doc.end();
  return done;
};
