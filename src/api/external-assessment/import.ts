import type { Core } from '@strapi/strapi';
import { EXTERNAL_ASSESSMENT, EXTERNAL_KINDS } from '../../school/records/external-assessment-rules';
import {
  checkSheet,
  createAllOrNothing,
  findSubject,
  loadSubjects,
  matchPupil,
  normalise,
  rowDate,
  rowText,
  sheetReader,
  type ImportIssue,
  type ParsedSheet,
  type RawRow,
  type SubjectRow,
} from '../../school/sheet-import';

/**
 * Import of external assessment results (ВПР, diagnostics, ВСОКО, monitoring) from CSV, XLSX or JSON
 * rows, on the shared sheet import (`src/school/sheet-import.ts`). Every row is checked first (columns, the pupil, the subject), then all rows are written in
 * one transaction through the document service (so the record rules judge each one); a single bad
 * row refuses the whole file, and every problem is reported with its row number and field.
 *
 * Row numbers: the line of the sheet or file (the header is row 1, the first result row 2); JSON rows
 * count from 1.
 */

/** The fields of a result and the column titles accepted for each (case and «ё» ignored). */
export const IMPORT_COLUMNS: Record<string, string[]> = {
  kind: ['kind', 'вид', 'вид работы', 'процедура'],
  title: ['title', 'название', 'работа'],
  date: ['date', 'дата', 'дата проведения'],
  subject: ['subject', 'предмет'],
  student: ['student', 'documentid', 'код обучающегося', 'код ученика'],
  fullName: ['fullname', 'фио', 'обучающийся', 'ученик'],
  birthDate: ['birthdate', 'дата рождения'],
  score: ['score', 'баллы', 'балл', 'первичный балл'],
  maxScore: ['maxscore', 'максимум', 'максимальный балл'],
  mark: ['mark', 'отметка', 'оценка'],
  level: ['level', 'уровень'],
};

const KIND_NAMES: Record<string, string> = {
  впр: 'vpr',
  'всероссийская проверочная работа': 'vpr',
  региональная: 'regional',
  'региональная диагностика': 'regional',
  рдр: 'regional',
  муниципальная: 'municipal',
  'муниципальная диагностика': 'municipal',
  всоко: 'vsoko',
  мониторинг: 'monitoring',
  'мониторинговое исследование': 'monitoring',
};

/** Turns a numbered row into the data of one result, reporting what cannot be read. */
const prepareRow = async (
  strapi: Core.Strapi,
  row: number,
  values: RawRow,
  subjects: SubjectRow[],
  issues: ImportIssue[],
): Promise<{ row: number; data: Record<string, unknown> }> => {
  const report = (field: string, message: string) => issues.push({ row, field, message });
  const text = (field: string): string | null => rowText(values, field, report);
  const data: Record<string, unknown> = {};
  const kind = text('kind');
  if (kind) {
    const known = (EXTERNAL_KINDS as readonly string[]).includes(kind.toLowerCase()) ? kind.toLowerCase() : KIND_NAMES[normalise(kind)];
    if (known) data.kind = known;
    else report('kind', `Неизвестный вид процедуры «${kind}»: ВПР, региональная, муниципальная, ВСОКО, мониторинг`);
  } else report('kind', 'Укажите вид процедуры');
  data.title = text('title');
  data.date = rowDate(values, 'date', report);
  const subject = text('subject');
  if (subject) {
    const found = findSubject(subjects, subject);
    if (found) data.subject = found.documentId;
    else report('subject', `Предмет «${subject}» не найден`);
  }
  for (const field of ['score', 'maxScore', 'mark', 'level']) {
    const value = text(field);
    if (value !== null) data[field] = value;
  }
  const student = await matchPupil(strapi, values, report);
  if (student) data.student = student;
  return { row, data };
};

/** The rows of an import request: an uploaded CSV or XLSX file, or JSON `rows`. */
export const { readImportRows } = sheetReader(IMPORT_COLUMNS);

/** Checks every row, then writes them all in one transaction, or none. */
export const importExternalAssessments = async (
  strapi: Core.Strapi,
  parsed: ParsedSheet,
): Promise<{ imported: number; documentIds: string[] }> => {
  checkSheet(parsed, 'В файле нет ни одной строки результатов');
  const issues: ImportIssue[] = [];
  const subjects = await loadSubjects(strapi);
  const prepared: Array<{ row: number; data: Record<string, unknown> }> = [];
  for (const { row, values } of parsed.rows) prepared.push(await prepareRow(strapi, row, values, subjects, issues));
  return createAllOrNothing(strapi, EXTERNAL_ASSESSMENT, prepared, issues);
};
