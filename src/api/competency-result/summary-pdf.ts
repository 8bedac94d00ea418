import { formatLocalDate } from '../../school/calendar';
import { CONTENT_WIDTH, createPdf, drawTable, numberPages, sectionHeading } from '../../school/pdf-document';
import { BOLD_FONT, REGULAR_FONT } from '../../school/pdf-fonts';
import type { resultsSummary } from './summary';

type Summary = Awaited<ReturnType<typeof resultsSummary>>['data'];

const decimal = (value: number | null): string => (value === null ? '—' : value.toFixed(2).replace('.', ','));

/**
 * A pupil's results of a school year in the three groups (R77), printed: the subject results (each
 * journal's weighted average), the meta-subject results by kind of УУД and the personal results, each
 * with what was assessed, the level on the school's scale, how (diagnostic work or observation) and
 * when. A4 portrait, pages numbered.
 */
export const resultsSummaryPdf = async (summary: Summary, schoolName: string, at: Date = new Date()): Promise<Buffer> => {
  const title = `Результаты обучения в трёх группах: ${summary.student.fullName}`;
  const { doc, done } = createPdf({ title, schoolName, at });
  doc.font(REGULAR_FONT).fontSize(9).fillColor('#555555').text(schoolName, { width: CONTENT_WIDTH, align: 'center' });
  doc.fillColor('black').moveDown(0.8);
  doc.font(BOLD_FONT).fontSize(15).text('Предметные, метапредметные и личностные результаты', { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(1);
  doc.font(BOLD_FONT).fontSize(12).text(summary.student.fullName, { width: CONTENT_WIDTH });
  doc.font(REGULAR_FONT).fontSize(10);
  doc.text(`Учебный год: ${String(summary.academicYear.title)}`, { width: CONTENT_WIDTH });
  doc.text(`Шкала уровней: ${summary.levels.join(' — ')}`, { width: CONTENT_WIDTH });
  doc.text(`Сформировано: ${formatLocalDate(at.toISOString().slice(0, 10))}`, { width: CONTENT_WIDTH });

  sectionHeading(doc, 'Предметные результаты');
  if (summary.subject.results.length === 0) doc.text('Отметок за год нет.', { width: CONTENT_WIDTH });
  else
    drawTable(
      doc,
      [
        { header: 'Предмет', width: 0.7 },
        { header: 'Средний балл', width: 0.3, align: 'center' },
      ],
      summary.subject.results.map((row) => [row.subject, decimal(row.average)]),
    );

  const resultRows = (results: Summary['personal']['results']) =>
    results.map((row) => [row.indicator, row.level, row.sourceLabel, formatLocalDate(row.date), row.note ?? '']);
  const resultColumns = [
    { header: 'Что оценивалось', width: 0.34 },
    { header: 'Уровень', width: 0.16, align: 'center' as const },
    { header: 'Как', width: 0.18 },
    { header: 'Дата', width: 0.12, align: 'center' as const },
    { header: 'Примечание', width: 0.2 },
  ];

  sectionHeading(doc, 'Метапредметные результаты (универсальные учебные действия)');
  for (const kind of summary.metaSubject.kinds) {
    doc
      .font(BOLD_FONT)
      .fontSize(10)
      .text(`${kind.label.charAt(0).toUpperCase()}${kind.label.slice(1)}`, { width: CONTENT_WIDTH });
    doc.font(REGULAR_FONT).moveDown(0.2);
    if (kind.results.length === 0) doc.text('Не оценивались.', { width: CONTENT_WIDTH });
    else drawTable(doc, resultColumns, resultRows(kind.results));
    doc.moveDown(0.4);
  }

  sectionHeading(doc, 'Личностные результаты');
  if (summary.personal.results.length === 0) doc.text('Не записаны.', { width: CONTENT_WIDTH });
  else drawTable(doc, resultColumns, resultRows(summary.personal.results));

  numberPages(doc);
  doc.end();
  return done;
};
