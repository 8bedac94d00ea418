import { formatLocalDate, type LocalDate } from '../../school/calendar';
import { BOLD_FONT, REGULAR_FONT } from '../../school/pdf-fonts';
import { CONTENT_WIDTH, createPdf, drawTable, numberPages, sectionHeading } from '../../school/pdf-document';

/** What the pupil's results report prints (built by `pupil-report.ts`). */
export interface PupilReport {
  schoolName: string;
  fullName: string;
  className: string;
  /** «1 четверть», or «2025/2026 учебный год». */
  scope: string;
  from: LocalDate;
  to: LocalDate;
  printedOn: LocalDate;
  subjects: Array<{ subject: string; marks: string[]; average: number | null; summaryMark: string | null }>;
  attendance: Array<{ label: string; count: number }>;
  talks: Array<{ date: LocalDate; topic: string; participants: string; decisions: string; followUpOn: LocalDate | null }>;
}

const decimal = (value: number | null): string => (value === null ? '—' : value.toFixed(2).replace('.', ','));

/** «Результаты обучения»: A4 portrait; subjects, absences, the talks with the parents and their decisions, signature lines. */
export const pupilReportPdf = async (report: PupilReport, at: Date = new Date()): Promise<Buffer> => {
  const { doc, done } = createPdf({ title: `Результаты обучения: ${report.fullName}`, schoolName: report.schoolName, at });
  doc.font(REGULAR_FONT).fontSize(9).fillColor('#555555').text(report.schoolName, { width: CONTENT_WIDTH, align: 'center' });
  doc.fillColor('black').moveDown(0.8);
  doc.font(BOLD_FONT).fontSize(15).text('Результаты обучения', { width: CONTENT_WIDTH, align: 'center' });
  doc
    .font(REGULAR_FONT)
    .fontSize(10)
    .text('для беседы с родителями (законными представителями)', { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(1);
  doc.font(BOLD_FONT).fontSize(12).text(report.fullName, { width: CONTENT_WIDTH });
  doc.font(REGULAR_FONT).fontSize(10);
  doc.text(`Класс: ${report.className}`, { width: CONTENT_WIDTH });
  doc.text(`Период: ${report.scope} (${formatLocalDate(report.from)} — ${formatLocalDate(report.to)})`, { width: CONTENT_WIDTH });
  doc.text(`Сформировано: ${formatLocalDate(report.printedOn)}`, { width: CONTENT_WIDTH });

  sectionHeading(doc, 'Успеваемость по предметам');
  if (report.subjects.length === 0) doc.text('Журналов класса нет.', { width: CONTENT_WIDTH });
  else
    drawTable(
      doc,
      [
        { header: 'Предмет', width: 0.26 },
        { header: 'Текущие отметки', width: 0.44 },
        { header: 'Средний балл', width: 0.15, align: 'center' },
        { header: 'Итог периода', width: 0.15, align: 'center' },
      ],
      report.subjects.map((subject) => [
        subject.subject,
        subject.marks.length > 0 ? subject.marks.join(' ') : 'нет отметок',
        decimal(subject.average),
        subject.summaryMark ?? '—',
      ]),
    );

  sectionHeading(doc, 'Пропуски уроков');
  doc.text(
    report.attendance.length === 0 ? 'Пропусков нет.' : report.attendance.map((entry) => `${entry.label}: ${entry.count}`).join('; '),
    { width: CONTENT_WIDTH },
  );

  sectionHeading(doc, 'Беседы с родителями о результатах');
  if (report.talks.length === 0) doc.text('Бесед ещё не было.', { width: CONTENT_WIDTH });
  else
    drawTable(
      doc,
      [
        { header: 'Дата', width: 0.12 },
        { header: 'Тема и участники', width: 0.34 },
        { header: 'Решения', width: 0.4 },
        { header: 'Следующая встреча', width: 0.14 },
      ],
      report.talks.map((talk) => [
        formatLocalDate(talk.date),
        talk.participants ? `${talk.topic}\nУчастники: ${talk.participants}` : talk.topic,
        talk.decisions || '—',
        talk.followUpOn ? formatLocalDate(talk.followUpOn) : '—',
      ]),
    );

  doc.moveDown(2);
  doc.text('Классный руководитель ____________________', { width: CONTENT_WIDTH });
  doc.moveDown(1);
  doc.text('С результатами ознакомлен(а), родитель (законный представитель) ____________________', { width: CONTENT_WIDTH });
  numberPages(doc);
  doc.end();
  return done;
};
