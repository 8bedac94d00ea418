import type { Core } from '@strapi/strapi';
import { PLATFORM_RESULT } from '../../school/records/platform-result-rules';
import {
  checkSheet,
  createAllOrNothing,
  matchPupil,
  rowDate,
  rowText,
  sheetReader,
  type ImportIssue,
  type ParsedSheet,
  type RawRow,
} from '../../school/sheet-import';

/**
 * Import of pupils' results exported by an external e-learning platform (R83), on the shared sheet
 * import (`src/school/sheet-import.ts`): every row is read first, then all are written in one
 * transaction through the document service (so the platform-result rules and the teacher's write scope
 * judge each one); a single bad row refuses the whole file, each problem named by row and field.
 * The journal and the platform may be given once for the whole file (`?journal=&platform=`) or per row.
 */

/** The fields of a result and the column titles accepted for each (case and «ё» ignored). */
export const PLATFORM_IMPORT_COLUMNS: Record<string, string[]> = {
  journal: ['journal', 'журнал'],
  platform: ['platform', 'платформа'],
  activity: ['activity', 'задание', 'курс', 'тема', 'занятие', 'название'],
  date: ['date', 'дата', 'дата выполнения'],
  student: ['student', 'documentid', 'код обучающегося', 'код ученика'],
  fullName: ['fullname', 'фио', 'обучающийся', 'ученик'],
  birthDate: ['birthdate', 'дата рождения'],
  score: ['score', 'баллы', 'балл', 'набрано баллов'],
  maxScore: ['maxscore', 'максимум', 'максимальный балл', 'из'],
  percent: ['percent', 'процент', 'процент выполнения', '% выполнения', 'выполнено, %'],
  url: ['url', 'ссылка', 'ссылка на результат'],
};

export const { readImportRows: readPlatformImportRows } = sheetReader(PLATFORM_IMPORT_COLUMNS);

/** What applies to every row unless the row says otherwise. */
export interface PlatformImportDefaults {
  journal?: string;
  platform?: string;
}

const prepareRow = async (
  strapi: Core.Strapi,
  row: number,
  values: RawRow,
  defaults: PlatformImportDefaults,
  issues: ImportIssue[],
): Promise<{ row: number; data: Record<string, unknown> }> => {
  const report = (field: string, message: string) => issues.push({ row, field, message });
  const text = (field: string): string | null => rowText(values, field, report);
  const data: Record<string, unknown> = {};
  const journal = text('journal') ?? defaults.journal ?? null;
  if (journal) data.journal = journal;
  else report('journal', 'Укажите журнал: столбец «Журнал» или параметр journal');
  data.platform = text('platform') ?? defaults.platform ?? null;
  data.activity = text('activity');
  data.date = rowDate(values, 'date', report);
  for (const field of ['score', 'maxScore', 'percent', 'url']) {
    const value = text(field);
    if (value !== null) data[field] = field === 'percent' ? value.replace(/\s*%$/, '') : value;
  }
  const student = await matchPupil(strapi, values, report);
  if (student) data.student = student;
  return { row, data };
};

/** Checks every row, then writes them all in one transaction, or none. */
export const importPlatformResults = async (
  strapi: Core.Strapi,
  parsed: ParsedSheet,
  defaults: PlatformImportDefaults,
): Promise<{ imported: number; documentIds: string[] }> => {
  checkSheet(parsed, 'В файле нет ни одной строки результатов');
  const issues: ImportIssue[] = [];
  const prepared: Array<{ row: number; data: Record<string, unknown> }> = [];
  for (const { row, values } of parsed.rows) prepared.push(await prepareRow(strapi, row, values, defaults, issues));
  return createAllOrNothing(strapi, PLATFORM_RESULT, prepared, issues);
};
