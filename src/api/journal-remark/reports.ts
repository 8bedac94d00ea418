import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import { loadTeacherReach } from '../../access/record-scope';
import { formatLocalDate, parseLocalDate, todayInZone, type LocalDate } from '../../school/calendar';
import { BOLD_FONT, REGULAR_FONT } from '../../school/pdf-fonts';
import { createPdf, drawTable, numberPages, pageContentWidth, sectionHeading } from '../../school/pdf-document';
import { getSchoolSettings } from '../../school/settings';
import { checkSchedule, type CheckView } from '../journal-control/checks';
import { staffNameOf } from '../../access/staff-name';

/**
 * The deputy director's journal-check papers (R28, seed 002 §3.1.8–3.1.9, seed 004 §3.5, §3.12.1):
 * «Справка о проверке электронных журналов» for a date range — which journals were checked, the
 * findings, remarks, fix-by dates and the teachers' acknowledgments, and how the schedule of checks
 * was kept — and the page «Замечания по ведению журнала» of one journal, its remarks in a table as
 * on the paper journal's page. Both printed with pdfkit on the shared A4 layout.
 */

const JOURNAL_REMARK = 'api::journal-remark.journal-remark';
const SCHOOL_ROLES = new Set(['deputy-director', 'director']);
const TEACHER_ROLES = new Set(['teacher', 'class-teacher']);

export const REMARK_STATE_LABELS: Record<string, string> = {
  open: 'не устранено',
  acknowledged: 'учитель ознакомлен',
  fixed: 'устранено',
};

interface Row {
  id: number;
  documentId: string;
  [field: string]: unknown;
}

export interface Reader {
  id: number;
  roleType: string;
}

const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

const dateOf = (value: unknown): string => (value ? formatLocalDate(String(value).slice(0, 10)) : '—');
const timeOf = (value: unknown, zone: string): string =>
  value
    ? DateTime.fromJSDate(new Date(value as string))
        .setZone(zone)
        .toFormat('dd.MM.yyyy')
    : '';

const REMARK_POPULATE = {
  inspector: { select: ['id', 'fullName', 'username'] },
  acknowledgedBy: { select: ['id', 'fullName', 'username'] },
  journal: {
    select: ['id', 'documentId', 'title'],
    populate: {
      teachers: { select: ['id', 'fullName', 'username'] },
      schoolClass: { select: ['id', 'name'] },
      subject: { select: ['id', 'name'] },
    },
  },
};

/** One remark as both papers print it. */
export interface RemarkLine {
  journal: string;
  teachers: string;
  inspectedOn: string;
  inspector: string;
  findings: string;
  remarks: string;
  fixBy: string;
  acknowledged: string;
  state: string;
  overdueFix: boolean;
}

const lineOf = (remark: Row, today: LocalDate, zone: string): RemarkLine => {
  const journal = remark.journal as Row | null;
  const acknowledgedBy = staffNameOf(remark.acknowledgedBy as Row | null);
  const fixBy = (remark.fixBy as string | null) ?? null;
  return {
    journal: String(journal?.title ?? ''),
    teachers: ((journal?.teachers as Row[] | null) ?? []).map((teacher) => staffNameOf(teacher)).join(', ') || '—',
    inspectedOn: dateOf(remark.inspectedOn),
    inspector: staffNameOf(remark.inspector as Row | null) || '—',
    findings: (remark.findings as string | null) ?? '',
    remarks: (remark.remarks as string | null) ?? '',
    fixBy: dateOf(fixBy),
    acknowledged: remark.acknowledgedAt ? `${timeOf(remark.acknowledgedAt, zone)}${acknowledgedBy ? `, ${acknowledgedBy}` : ''}` : 'нет',
    state: `${REMARK_STATE_LABELS[String(remark.state)] ?? String(remark.state)}${remark.fixedAt ? ` ${timeOf(remark.fixedAt, zone)}` : ''}`,
    overdueFix: remark.state !== 'fixed' && fixBy !== null && fixBy < today,
  };
};

const readRange = (query: { from?: unknown; to?: unknown }, today: LocalDate) => {
  const read = (name: 'from' | 'to'): LocalDate | null => {
    const value = query[name];
    if (value === undefined || value === '') return null;
    return (
      parseLocalDate(value) ??
      (() => {
        throw fieldError(name, 'Дата в формате ГГГГ-ММ-ДД');
      })()
    );
  };
  const to = read('to') ?? today;
  const from = read('from') ?? (DateTime.fromISO(to).minus({ months: 1 }).plus({ days: 1 }).toISODate() as LocalDate);
  if (from > to) throw fieldError('to', 'Конец периода раньше его начала');
  if (DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days > 400) throw fieldError('from', 'Период справки — не больше 400 дней');
  return { from, to };
};

export interface CheckReport {
  schoolName: string;
  from: LocalDate;
  to: LocalDate;
  printedOn: LocalDate;
  journals: number;
  lines: RemarkLine[];
  schedule: CheckView[];
  inspectors: string[];
}

/** The data of the «Справка о проверке электронных журналов» for [from, to] (the last month by default). */
export const checkReportOf = async (strapi: Core.Strapi, query: { from?: unknown; to?: unknown }): Promise<CheckReport> => {
  const settings = getSchoolSettings(strapi);
  const today = todayInZone(settings.timeZone);
  const { from, to } = readRange(query, today);
  const remarks = (await strapi.db.query(JOURNAL_REMARK).findMany({
    where: { inspectedOn: { $gte: from, $lte: to } },
    populate: REMARK_POPULATE,
    orderBy: [{ inspectedOn: 'asc' }, { id: 'asc' }],
  })) as Row[];
  const lines = remarks.map((remark) => lineOf(remark, today, settings.timeZone));
  const schedule = (await checkSchedule(strapi, { from, to, date: today })).checks;
  return {
    schoolName: settings.name,
    from,
    to,
    printedOn: today,
    journals: new Set(remarks.map((remark) => (remark.journal as Row | null)?.id)).size,
    lines,
    schedule,
    inspectors: [...new Set(lines.map((line) => line.inspector).filter((name) => name !== '—'))],
  };
};

/** «Справка о проверке электронных журналов»: A4 landscape. */
export const checkReportPdf = async (report: CheckReport, at: Date = new Date()): Promise<Buffer> => {
  const { doc, done } = createPdf({
    title: 'Справка о проверке электронных журналов',
    schoolName: report.schoolName,
    at,
    layout: 'landscape',
  });
  const width = pageContentWidth(doc);
  doc.font(REGULAR_FONT).fontSize(9).fillColor('#555555').text(report.schoolName, { width, align: 'center' });
  doc.fillColor('black').moveDown(0.8);
  doc.font(BOLD_FONT).fontSize(15).text('Справка о проверке электронных журналов', { width, align: 'center' });
  doc
    .font(REGULAR_FONT)
    .fontSize(10)
    .text(`за период с ${formatLocalDate(report.from)} по ${formatLocalDate(report.to)}`, { width, align: 'center' });
  doc.moveDown(1);
  const fixed = report.lines.filter((line) => line.state.startsWith(REMARK_STATE_LABELS.fixed)).length;
  const overdue = report.lines.filter((line) => line.overdueFix).length;
  doc.text(
    `Проверено журналов: ${report.journals}. Записей о проверке: ${report.lines.length}. ` +
      `Замечания устранены: ${fixed}. Срок устранения истёк: ${overdue}.`,
    { width },
  );
  doc.text(`Сформировано: ${formatLocalDate(report.printedOn)}`, { width });

  sectionHeading(doc, 'Проверенные журналы, выводы и замечания');
  if (report.lines.length === 0) doc.text('За период проверок журналов не было.', { width });
  else
    drawTable(
      doc,
      [
        { header: '№', width: 0.04, align: 'center' },
        { header: 'Журнал', width: 0.14 },
        { header: 'Учитель', width: 0.1 },
        { header: 'Дата проверки', width: 0.08, align: 'center' },
        { header: 'Выводы', width: 0.2 },
        { header: 'Замечания', width: 0.2 },
        { header: 'Устранить до', width: 0.08, align: 'center' },
        { header: 'Ознакомлен', width: 0.08 },
        { header: 'Состояние', width: 0.08 },
      ],
      report.lines.map((line, index) => [
        String(index + 1),
        line.journal,
        line.teachers,
        line.inspectedOn,
        line.findings || '—',
        line.remarks || '—',
        line.overdueFix ? `${line.fixBy} (срок истёк)` : line.fixBy,
        line.acknowledged,
        line.state,
      ]),
      8,
    );

  sectionHeading(doc, 'Выполнение графика проверок');
  if (report.schedule.length === 0) doc.text('Плановых проверок на период не назначено.', { width });
  else
    drawTable(
      doc,
      [
        { header: 'Плановая дата', width: 0.1, align: 'center' },
        { header: 'Журнал или класс', width: 0.22 },
        { header: 'Цель проверки', width: 0.36 },
        { header: 'Проверяющий', width: 0.12 },
        { header: 'Выполнение', width: 0.2 },
      ],
      report.schedule.map((check) => [
        dateOf(check.plannedOn),
        check.journal?.title ?? (check.schoolClass ? `${check.schoolClass.name} класс (все журналы)` : '—'),
        check.purpose ?? '—',
        check.inspector ?? '—',
        check.state === 'done' && check.remark ? `проведена ${dateOf(check.remark.inspectedOn)}` : check.stateLabel,
      ]),
      8,
    );

  doc.moveDown(2);
  doc.text(`Заместитель директора по УВР ____________________ ${report.inspectors.join(', ')}`, doc.page.margins.left, doc.y, { width });
  numberPages(doc);
  doc.end();
  return done;
};

export interface JournalPage {
  schoolName: string;
  journal: string;
  subject: string;
  schoolClass: string;
  teachers: string;
  printedOn: LocalDate;
  lines: RemarkLine[];
}

/**
 * The page «Замечания по ведению журнала» of one journal: the deputy director and the director for
 * any journal, a teacher for the journals they teach (a class teacher also their class's); any other
 * journal answers 404, as the journal's own reads do.
 */
export const journalPageOf = async (strapi: Core.Strapi, reader: Reader, journalDocumentId: string): Promise<JournalPage> => {
  const settings = getSchoolSettings(strapi);
  const journal = (await strapi.db.query('api::journal.journal').findOne({
    where: { documentId: journalDocumentId },
    select: ['id', 'documentId', 'title'],
    populate: {
      teachers: { select: ['id', 'fullName', 'username'] },
      schoolClass: { select: ['id', 'name'] },
      subject: { select: ['id', 'name'] },
    },
  })) as Row | null;
  const notFound = () => new errors.NotFoundError('Журнал не найден');
  if (!journal) throw notFound();
  if (!SCHOOL_ROLES.has(reader.roleType)) {
    if (!TEACHER_ROLES.has(reader.roleType)) throw new errors.PolicyError('Страница замечаний вам недоступна');
    const reach = await loadTeacherReach(strapi, reader.id, reader.roleType === 'class-teacher');
    if (!reach.journalIds.includes(journal.id)) throw notFound();
  }
  const today = todayInZone(settings.timeZone);
  const remarks = (await strapi.db.query(JOURNAL_REMARK).findMany({
    where: { journal: { id: journal.id } },
    populate: REMARK_POPULATE,
    orderBy: [{ inspectedOn: 'asc' }, { id: 'asc' }],
  })) as Row[];
  return {
    schoolName: settings.name,
    journal: String(journal.title ?? ''),
    subject: ((journal.subject as Row | null)?.name as string | undefined) ?? '—',
    schoolClass: ((journal.schoolClass as Row | null)?.name as string | undefined) ?? '—',
    teachers: ((journal.teachers as Row[] | null) ?? []).map((teacher) => staffNameOf(teacher)).join(', ') || '—',
    printedOn: today,
    lines: remarks.map((remark) => lineOf(remark, today, settings.timeZone)),
  };
};

/** «Замечания по ведению журнала»: A4 portrait, the journal's remarks as on the paper page. */
export const journalPagePdf = async (page: JournalPage, at: Date = new Date()): Promise<Buffer> => {
  const { doc, done } = createPdf({ title: `Замечания по ведению журнала: ${page.journal}`, schoolName: page.schoolName, at });
  const width = pageContentWidth(doc);
  doc.font(REGULAR_FONT).fontSize(9).fillColor('#555555').text(page.schoolName, { width, align: 'center' });
  doc.fillColor('black').moveDown(0.8);
  doc.font(BOLD_FONT).fontSize(15).text('Замечания по ведению журнала', { width, align: 'center' });
  doc.moveDown(0.8);
  doc.font(REGULAR_FONT).fontSize(10);
  doc.text(`Журнал: ${page.journal}`, { width });
  doc.text(`Класс: ${page.schoolClass}. Предмет: ${page.subject}`, { width });
  doc.text(`Учитель: ${page.teachers}`, { width });
  doc.text(`Сформировано: ${formatLocalDate(page.printedOn)}`, { width });
  doc.moveDown(0.8);
  if (page.lines.length === 0) doc.text('Замечаний по ведению журнала нет.', { width });
  else
    drawTable(
      doc,
      [
        { header: 'Дата проверки', width: 0.11, align: 'center' },
        { header: 'Замечания и предложения проверяющего', width: 0.35 },
        { header: 'Срок устранения', width: 0.11, align: 'center' },
        { header: 'Проверяющий', width: 0.14 },
        { header: 'Отметка об ознакомлении учителя', width: 0.15 },
        { header: 'Отметка об устранении', width: 0.14 },
      ],
      page.lines.map((line) => [
        line.inspectedOn,
        [line.findings, line.remarks].filter(Boolean).join('\n'),
        line.overdueFix ? `${line.fixBy} (срок истёк)` : line.fixBy,
        line.inspector,
        line.acknowledged,
        line.state,
      ]),
      8,
    );
  numberPages(doc);
  doc.end();
  return done;
};
