import type { Core } from '@strapi/strapi';
import { EXAM_RESULT } from '../../school/records/exam-result-rules';
import { ADMISSION_KINDS, EXAM_KINDS, type ExamKind } from '../../school/rules/gia';
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
 * Import of GIA protocols (ОГЭ, ЕГЭ, ГВЭ) and of the итоговое сочинение / собеседование in the layout
 * the regional centre (РЦОИ) sends, on the shared sheet import (`src/school/sheet-import.ts`): every
 * row is read first, then all are written in one transaction through the document service (the
 * record rules `exam-result-rules.ts` judge each), or none; bad rows are named by number and field.
 * The column mapping is documented in README («Протоколы ГИА: столбцы файла»).
 */
export const EXAM_IMPORT_COLUMNS: Record<string, string[]> = {
  examKind: ['examkind', 'вид', 'вид экзамена', 'форма гиа', 'экзамен'],
  form: ['form', 'форма', 'форма экзамена', 'уровень'],
  date: ['date', 'дата', 'дата экзамена'],
  subject: ['subject', 'предмет'],
  student: ['student', 'documentid', 'код обучающегося', 'код ученика'],
  fullName: ['fullname', 'фио', 'обучающийся', 'участник'],
  lastName: ['lastname', 'фамилия'],
  firstName: ['firstname', 'имя'],
  patronymic: ['patronymic', 'отчество'],
  birthDate: ['birthdate', 'дата рождения'],
  primaryScore: ['primaryscore', 'первичный балл', 'первичный'],
  scaledScore: ['scaledscore', 'тестовый балл', 'балл', 'баллы'],
  passingScore: ['passingscore', 'минимальный балл', 'порог'],
  mark: ['mark', 'отметка', 'оценка', 'отметка по пятибалльной шкале'],
  result: ['result', 'результат', 'зачет/незачет'],
  protocolNumber: ['protocolnumber', 'номер протокола', 'протокол'],
  protocolDate: ['protocoldate', 'дата протокола'],
};

/** The names of the kinds in regional protocols; «изложение» is the сочинение's form. */
const KIND_NAMES: Record<string, { kind: ExamKind; form?: string }> = {
  огэ: { kind: 'oge' },
  егэ: { kind: 'ege' },
  гвэ: { kind: 'gve' },
  'гвэ-9': { kind: 'gve' },
  'гвэ-11': { kind: 'gve' },
  'итоговое сочинение': { kind: 'final-essay', form: 'essay' },
  сочинение: { kind: 'final-essay', form: 'essay' },
  'итоговое изложение': { kind: 'final-essay', form: 'statement' },
  изложение: { kind: 'final-essay', form: 'statement' },
  'итоговое сочинение (изложение)': { kind: 'final-essay' },
  'итоговое собеседование': { kind: 'final-interview', form: 'oral' },
  'итоговое собеседование по русскому языку': { kind: 'final-interview', form: 'oral' },
  собеседование: { kind: 'final-interview', form: 'oral' },
};

const FORM_NAMES: Record<string, string> = {
  письменная: 'written',
  устная: 'oral',
  базовый: 'base',
  'базовый уровень': 'base',
  база: 'base',
  профильный: 'profile',
  'профильный уровень': 'profile',
  профиль: 'profile',
  сочинение: 'essay',
  изложение: 'statement',
};

const RESULT_NAMES: Record<string, string> = { зачет: 'pass', незачет: 'fail', 'не зачет': 'fail', pass: 'pass', fail: 'fail' };

const { readImportRows: readRows } = sheetReader(EXAM_IMPORT_COLUMNS);
export const readExamImportRows = readRows;

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
  const kindText = text('examKind');
  let formOfKind: string | undefined;
  if (kindText) {
    const known = (EXAM_KINDS as readonly string[]).includes(kindText) ? { kind: kindText as ExamKind } : KIND_NAMES[normalise(kindText)];
    if (known) {
      data.examKind = known.kind;
      formOfKind = known.form;
    } else
      report(
        'examKind',
        `Неизвестный вид экзамена «${kindText}»: ОГЭ, ЕГЭ, ГВЭ, итоговое сочинение, итоговое изложение, итоговое собеседование`,
      );
  } else report('examKind', 'Укажите вид экзамена');
  const formText = text('form');
  if (formText) data.form = FORM_NAMES[normalise(formText)] ?? formText;
  else if (formOfKind) data.form = formOfKind;
  for (const field of ['date', 'protocolDate'] as const) {
    const parsed = rowDate(values, field, report);
    if (parsed) data[field] = parsed;
  }
  if (!data.date && !issues.some((issue) => issue.row === row && issue.field === 'date')) report('date', 'Укажите дату экзамена');
  const subject = text('subject');
  if (subject) {
    const found = findSubject(subjects, subject);
    if (found) data.subject = found.documentId;
    else report('subject', `Предмет «${subject}» не найден`);
  }
  for (const field of ['primaryScore', 'scaledScore', 'passingScore', 'mark', 'protocolNumber']) {
    const value = text(field);
    if (value !== null) data[field] = value;
  }
  const result = text('result');
  if (result) {
    const known = RESULT_NAMES[normalise(result)];
    if (known) data.result = known;
    else report('result', `Результат «${result}»: зачёт или незачёт`);
  }
  const parts = ['lastName', 'firstName', 'patronymic'].map(text).filter((part): part is string => part !== null);
  const pupilValues = !values.fullName && parts.length > 0 ? { ...values, fullName: parts.join(' ') } : values;
  const student = await matchPupil(strapi, pupilValues, report);
  if (student) data.student = student;
  return { row, data };
};

/**
 * Checks every row, then writes them all in one transaction, or none. The admission results
 * (сочинение, собеседование) are written before the exams they admit to, whatever their order in the file.
 */
export const importExamResults = async (strapi: Core.Strapi, parsed: ParsedSheet): Promise<{ imported: number; documentIds: string[] }> => {
  checkSheet(parsed, 'В файле нет ни одной строки результатов');
  const issues: ImportIssue[] = [];
  const subjects = await loadSubjects(strapi);
  const prepared: Array<{ row: number; data: Record<string, unknown> }> = [];
  for (const { row, values } of parsed.rows) prepared.push(await prepareRow(strapi, row, values, subjects, issues));
  const admissionFirst = (item: { data: Record<string, unknown> }) =>
    (ADMISSION_KINDS as readonly unknown[]).includes(item.data.examKind) ? 0 : 1;
  prepared.sort((a, b) => admissionFirst(a) - admissionFirst(b) || a.row - b.row);
  return createAllOrNothing(strapi, EXAM_RESULT, prepared, issues);
};
