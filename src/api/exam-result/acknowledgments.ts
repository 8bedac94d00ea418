import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { formatLocalDate, parseLocalDate } from '../../school/calendar';
import { createPdf, drawTable, numberPages, pageContentWidth } from '../../school/pdf-document';
import { BOLD_FONT, REGULAR_FONT } from '../../school/pdf-fonts';
import type { StoredRecord } from '../../school/records/draft';
import { EXAM_RESULT } from '../../school/records/exam-result-rules';
import {
  EXAM_FORM_LABELS,
  EXAM_KIND_LABELS,
  EXAM_KINDS,
  EXAM_OUTCOME_LABELS,
  type ExamForm,
  type ExamKind,
  type ExamOutcome,
} from '../../school/rules/gia';
import { getSchoolSettings } from '../../school/settings';
import { staffNameOrNull } from '../../access/staff-name';

/**
 * The acknowledgment of GIA results under signature (seed 001 §2.2.4: the deputy director shows
 * graduates their results «под роспись»): per exam (kind × subject × date) who has acknowledged,
 * when and shown by whom, who has not, and the printable sheet with an «Ознакомлен(а)» column.
 */

const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

export interface ExamPupilLine {
  result: string;
  student: { documentId: string; fullName: string };
  schoolClass: string | null;
  outcome: string;
  passed: boolean;
  acknowledgedOn: string | null;
  acknowledgedBy: string | null;
}

export interface ExamGroup {
  examKind: ExamKind;
  kindLabel: string;
  subject: { documentId: string; name: string } | null;
  date: string;
  form: string | null;
  total: number;
  acknowledged: number;
  pupils: ExamPupilLine[];
  notAcknowledged: ExamPupilLine[];
}

/** What a result says, as the sheet prints it: «4», «72 б. (мин. 24)», «зачёт». */
export const outcomeText = (row: StoredRecord): string => {
  if (row.result) return EXAM_OUTCOME_LABELS[row.result as ExamOutcome] ?? String(row.result);
  const parts: string[] = [];
  if (row.scaledScore !== null && row.scaledScore !== undefined) {
    parts.push(
      `${String(row.scaledScore)} б.${row.passingScore !== null && row.passingScore !== undefined ? ` (мин. ${String(row.passingScore)})` : ''}`,
    );
  }
  if (row.mark !== null && row.mark !== undefined) parts.push(`отметка ${String(row.mark)}`);
  if (row.primaryScore !== null && row.primaryScore !== undefined) parts.push(`перв. ${String(row.primaryScore)}`);
  return parts.join(', ');
};

const readFilters = (query: Record<string, unknown>) => {
  const where: Record<string, unknown> = {};
  const kind = query.examKind;
  if (kind !== undefined && kind !== '') {
    if (typeof kind !== 'string' || !(EXAM_KINDS as readonly string[]).includes(kind))
      throw invalid('examKind', `Вид экзамена: ${EXAM_KINDS.join(', ')}`);
    where.examKind = kind;
  }
  const date = query.date;
  if (date !== undefined && date !== '') {
    const parsed = typeof date === 'string' ? parseLocalDate(date) : null;
    if (!parsed) throw invalid('date', 'Дата экзамена в формате ГГГГ-ММ-ДД');
    where.date = parsed;
  }
  const subject = query.subject;
  if (subject !== undefined && subject !== '') {
    if (typeof subject !== 'string') throw invalid('subject', 'Предмет: documentId');
    where.subject = subject === 'none' ? { id: { $null: true } } : { documentId: subject };
  }
  const year = query.year;
  if (year !== undefined && year !== '') {
    if (typeof year !== 'string') throw invalid('year', 'Учебный год: documentId или «2025/2026»');
    where.academicYear = /^\d{4}\/\d{4}$/.test(year) ? { title: year } : { documentId: year };
  }
  for (const key of Object.keys(query)) {
    if (!['examKind', 'date', 'subject', 'year'].includes(key))
      throw invalid(key, `Неизвестный параметр «${key}»: examKind, subject, date, year`);
  }
  return where;
};

/** The results matching the filters, grouped by exam, each with who has and has not acknowledged. */
export const examAcknowledgments = async (strapi: Core.Strapi, query: Record<string, unknown>): Promise<ExamGroup[]> => {
  const rows = (await strapi.db.query(EXAM_RESULT).findMany({
    where: readFilters(query),
    orderBy: [{ date: 'asc' }, { id: 'asc' }],
    populate: {
      student: { select: ['id', 'documentId', 'fullName'] },
      subject: { select: ['documentId', 'name'] },
      academicYear: { select: ['id'] },
      acknowledgedBy: { select: ['fullName', 'username'] },
    },
  })) as StoredRecord[];
  const classNames = new Map<string, string | null>();
  const classOf = async (studentId: number, yearId: number) => {
    const key = `${studentId}:${yearId}`;
    if (!classNames.has(key)) {
      const enrollment = (await strapi.db.query('api::enrollment.enrollment').findOne({
        where: { student: { id: studentId }, schoolClass: { academicYear: { id: yearId } } },
        orderBy: { startDate: 'desc' },
        populate: { schoolClass: { select: ['name'] } },
      })) as StoredRecord | null;
      classNames.set(key, ((enrollment?.schoolClass as StoredRecord | null)?.name as string | undefined) ?? null);
    }
    return classNames.get(key) ?? null;
  };
  const groups = new Map<string, ExamGroup>();
  for (const row of rows) {
    const subject = row.subject as StoredRecord | null;
    const student = row.student as StoredRecord;
    const key = `${String(row.examKind)}|${subject?.documentId ?? ''}|${String(row.date)}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        examKind: row.examKind as ExamKind,
        kindLabel: EXAM_KIND_LABELS[row.examKind as ExamKind],
        subject: subject ? { documentId: subject.documentId, name: String(subject.name) } : null,
        date: String(row.date),
        form: row.form ? EXAM_FORM_LABELS[row.form as ExamForm] : null,
        total: 0,
        acknowledged: 0,
        pupils: [],
        notAcknowledged: [],
      };
      groups.set(key, group);
    }
    const line: ExamPupilLine = {
      result: row.documentId,
      student: { documentId: student.documentId, fullName: String(student.fullName ?? '') },
      schoolClass: await classOf(student.id, (row.academicYear as StoredRecord).id),
      outcome: outcomeText(row),
      passed: row.passed === true,
      acknowledgedOn: (row.acknowledgedOn as string | null) ?? null,
      acknowledgedBy: staffNameOrNull(row.acknowledgedBy as StoredRecord | null),
    };
    group.pupils.push(line);
    group.total += 1;
    if (line.acknowledgedOn) group.acknowledged += 1;
    else group.notAcknowledged.push(line);
  }
  for (const group of groups.values()) {
    const order = (a: ExamPupilLine, b: ExamPupilLine) =>
      (a.schoolClass ?? '').localeCompare(b.schoolClass ?? '', 'ru') || a.student.fullName.localeCompare(b.student.fullName, 'ru');
    group.pupils.sort(order);
    group.notAcknowledged.sort(order);
  }
  return [...groups.values()];
};

/** The sheet of one exam for signatures: every pupil, the result, «Ознакомлен(а)» (date) and «Подпись». */
export const acknowledgmentSheetPdf = async (
  strapi: Core.Strapi,
  query: Record<string, unknown>,
): Promise<{ pdf: Buffer; fileName: string; asciiName: string }> => {
  for (const field of ['examKind', 'date'] as const) {
    if (query[field] === undefined || query[field] === '') throw invalid(field, 'Укажите экзамен: examKind, subject (или none) и date');
  }
  const groups = await examAcknowledgments(strapi, query);
  if (groups.length !== 1) {
    if (groups.length === 0) throw new errors.NotFoundError('Результатов такого экзамена нет');
    throw invalid('subject', 'Укажите предмет экзамена (subject: documentId, или none)');
  }
  const [group] = groups;
  const settings = getSchoolSettings(strapi);
  const title = `Ознакомление с результатами: ${group.kindLabel}${group.subject ? `, ${group.subject.name}` : ''}, ${formatLocalDate(group.date)}`;
  const { doc, done } = createPdf({ title, schoolName: settings.name });
  const width = pageContentWidth(doc);
  doc.font(REGULAR_FONT).fontSize(9).fillColor('#555555').text(settings.name, { width, align: 'center' });
  doc.fillColor('#000000').moveDown(0.5);
  doc.font(BOLD_FONT).fontSize(13).text('Лист ознакомления с результатами', { width, align: 'center' });
  doc
    .font(REGULAR_FONT)
    .fontSize(10)
    .text(`${group.kindLabel}${group.form ? ` (${group.form})` : ''}${group.subject ? `, предмет: ${group.subject.name}` : ''}`, {
      width,
      align: 'center',
    })
    .text(`Дата экзамена: ${formatLocalDate(group.date)}`, { width, align: 'center' });
  doc.moveDown(0.8);
  drawTable(
    doc,
    [
      { header: '№', width: 0.05, align: 'right' },
      { header: 'Обучающийся', width: 0.3 },
      { header: 'Класс', width: 0.08 },
      { header: 'Результат', width: 0.2 },
      { header: 'Ознакомлен(а)', width: 0.17 },
      { header: 'Подпись', width: 0.2 },
    ],
    group.pupils.map((line, index) => [
      String(index + 1),
      line.student.fullName,
      line.schoolClass ?? '',
      `${line.outcome}${line.passed ? '' : ' — не сдан'}`,
      line.acknowledgedOn ? formatLocalDate(line.acknowledgedOn) : '',
      '',
    ]),
  );
  doc.moveDown(1.5);
  doc.font(REGULAR_FONT).fontSize(10).text('Заместитель директора по УВР ____________________ / ____________________ /', { width });
  numberPages(doc);
  doc.end();
  const kindAscii: Record<ExamKind, string> = {
    oge: 'oge',
    ege: 'ege',
    gve: 'gve',
    'final-essay': 'essay',
    'final-interview': 'interview',
  };
  return {
    pdf: await done,
    fileName: `Ознакомление ${group.kindLabel}${group.subject ? ` ${group.subject.name}` : ''} ${group.date}.pdf`,
    asciiName: `exam-acknowledgment-${kindAscii[group.examKind]}-${group.date}.pdf`,
  };
};
