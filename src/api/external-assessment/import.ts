import { readFile } from 'fs/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import ExcelJS from 'exceljs';
import { parseLocalDate } from '../../school/calendar';
import { EXTERNAL_ASSESSMENT, EXTERNAL_KINDS } from '../../school/records/external-assessment-rules';

/**
 * Import of external assessment results (ВПР, diagnostics, ВСОКО, monitoring) from CSV, XLSX or JSON
 * rows. Every row is checked first (columns, the pupil, the subject), then all rows are written in
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

export interface ImportIssue {
  row: number;
  field: string;
  message: string;
}

type RawRow = Record<string, unknown>;

const normalise = (text: string): string => text.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');

const FIELD_OF_COLUMN = new Map<string, string>(
  Object.entries(IMPORT_COLUMNS).flatMap(([field, names]) => names.map((name) => [normalise(name), field] as [string, string])),
);

/** Splits CSV text (RFC 4180 quotes; `;` or `,` as the separator, whichever the header uses) into lines of cells. */
export const parseCsv = (input: string): string[][] => {
  const text = input.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const separator = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const lines: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === separator) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      cells.push(cell);
      lines.push(cells);
      cells = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    lines.push(cells);
  }
  return lines;
};

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
  }
  return String(value);
};

/** The first sheet of an XLSX workbook as lines of cells. */
export const parseXlsx = async (buffer: Buffer): Promise<string[][]> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as never);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const lines: string[][] = [];
  for (let rowNumber = 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1) cells.push(cellText(row.getCell(column).value));
    lines.push(cells);
  }
  return lines;
};

/** Lines of a sheet (header first) as numbered rows keyed by field; blank lines skipped. */
const rowsOfSheet = (lines: string[][]): { rows: Array<{ row: number; values: RawRow }>; issues: ImportIssue[] } => {
  const issues: ImportIssue[] = [];
  const header = lines[0] ?? [];
  const fields = header.map((title) => FIELD_OF_COLUMN.get(normalise(title)) ?? null);
  header.forEach((title, index) => {
    if (title.trim() && !fields[index]) issues.push({ row: 1, field: title.trim(), message: `Неизвестный столбец «${title.trim()}»` });
  });
  const rows: Array<{ row: number; values: RawRow }> = [];
  lines.slice(1).forEach((cells, index) => {
    if (cells.every((cell) => !cell.trim())) return;
    const values: RawRow = {};
    fields.forEach((field, column) => {
      if (field && (cells[column] ?? '').trim()) values[field] = (cells[column] ?? '').trim();
    });
    rows.push({ row: index + 2, values });
  });
  return { rows, issues };
};

/** `ДД.ММ.ГГГГ` or `ГГГГ-ММ-ДД` as a local date; null when neither. */
const readDate = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const russian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value.trim());
  const iso = russian ? `${russian[3]}-${russian[2].padStart(2, '0')}-${russian[1].padStart(2, '0')}` : value.trim();
  return parseLocalDate(iso);
};

type Row = { id: number; documentId: string; [field: string]: unknown };

interface Prepared {
  row: number;
  data: Record<string, unknown>;
}

/** Turns a numbered row into the data of one result, reporting what cannot be read. */
const prepareRow = async (strapi: Core.Strapi, row: number, values: RawRow, subjects: Row[], issues: ImportIssue[]): Promise<Prepared> => {
  const report = (field: string, message: string) => issues.push({ row, field, message });
  const text = (field: string): string | null => {
    const value = values[field];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string') {
      report(field, 'Ожидается текст или число');
      return null;
    }
    return value.trim() || null;
  };
  const data: Record<string, unknown> = {};
  const kind = text('kind');
  if (kind) {
    const known = (EXTERNAL_KINDS as readonly string[]).includes(kind.toLowerCase()) ? kind.toLowerCase() : KIND_NAMES[normalise(kind)];
    if (known) data.kind = known;
    else report('kind', `Неизвестный вид процедуры «${kind}»: ВПР, региональная, муниципальная, ВСОКО, мониторинг`);
  } else report('kind', 'Укажите вид процедуры');
  data.title = text('title');
  const date = text('date');
  if (date) {
    const parsed = readDate(date);
    if (parsed) data.date = parsed;
    else report('date', `Дата «${date}» пишется как ДД.ММ.ГГГГ или ГГГГ-ММ-ДД`);
  } else data.date = null;
  const subject = text('subject');
  if (subject) {
    const wanted = normalise(subject);
    const found = subjects.find(
      (item) =>
        item.documentId === subject || normalise(String(item.name ?? '')) === wanted || normalise(String(item.shortName ?? '')) === wanted,
    );
    if (found) data.subject = found.documentId;
    else report('subject', `Предмет «${subject}» не найден`);
  }
  for (const field of ['score', 'maxScore', 'mark', 'level']) {
    const value = text(field);
    if (value !== null) data[field] = value;
  }
  const documentId = text('student');
  const fullName = text('fullName');
  const birthDate = text('birthDate');
  if (documentId) {
    const student = await strapi.db.query('api::student.student').findOne({ where: { documentId }, select: ['documentId'] });
    if (student) data.student = documentId;
    else report('student', `Обучающийся с кодом «${documentId}» не найден`);
  } else if (fullName && birthDate) {
    const born = readDate(birthDate);
    if (!born) report('birthDate', `Дата рождения «${birthDate}» пишется как ДД.ММ.ГГГГ или ГГГГ-ММ-ДД`);
    else {
      const candidates = (await strapi.db
        .query('api::student.student')
        .findMany({ where: { birthDate: born }, select: ['documentId', 'fullName'] })) as Row[];
      const matches = candidates.filter((candidate) => normalise(String(candidate.fullName ?? '')) === normalise(fullName));
      if (matches.length === 1) data.student = matches[0].documentId;
      else if (matches.length === 0) report('fullName', `Обучающийся «${fullName}», ${birthDate} не найден`);
      else report('fullName', `Найдено несколько обучающихся «${fullName}», ${birthDate}: укажите код обучающегося`);
    }
  } else report('student', 'Укажите код обучающегося или ФИО и дату рождения');
  return { row, data };
};

/** The rows of an import request: an uploaded CSV or XLSX file, or JSON `rows`. */
export const readImportRows = async (input: {
  file?: { filepath?: string; originalFilename?: string | null; mimetype?: string | null } | null;
  rows?: unknown;
}): Promise<{ rows: Array<{ row: number; values: RawRow }>; issues: ImportIssue[] }> => {
  if (input.file?.filepath) {
    const buffer = await readFile(input.file.filepath);
    const name = (input.file.originalFilename ?? '').toLowerCase();
    const isXlsx = name.endsWith('.xlsx') || (buffer[0] === 0x50 && buffer[1] === 0x4b);
    let lines: string[][];
    try {
      lines = isXlsx ? await parseXlsx(buffer) : parseCsv(buffer.toString('utf8'));
    } catch {
      return { rows: [], issues: [{ row: 0, field: 'file', message: 'Файл не читается как CSV (UTF-8) или XLSX' }] };
    }
    return rowsOfSheet(lines);
  }
  if (Array.isArray(input.rows)) {
    const issues: ImportIssue[] = [];
    const rows = input.rows.map((values, index) => {
      if (!values || typeof values !== 'object' || Array.isArray(values)) {
        issues.push({ row: index + 1, field: 'row', message: 'Строка — объект { поле: значение }' });
        return { row: index + 1, values: {} };
      }
      const known: RawRow = {};
      for (const [key, value] of Object.entries(values as RawRow)) {
        const field = FIELD_OF_COLUMN.get(normalise(key));
        if (field) known[field] = value;
        else issues.push({ row: index + 1, field: key, message: `Неизвестное поле «${key}»` });
      }
      return { row: index + 1, values: known };
    });
    return { rows, issues };
  }
  return {
    rows: [],
    issues: [{ row: 0, field: 'file', message: 'Передайте файл (поле file, CSV или XLSX) или строки JSON { data: { rows: [...] } }' }],
  };
};

const refuse = (issues: ImportIssue[]): errors.ValidationError =>
  new errors.ValidationError(
    `Ошибок: ${issues.length}; ничего не загружено. ${issues
      .slice(0, 5)
      .map((issue) => `строка ${issue.row}, ${issue.field}: ${issue.message}`)
      .join('; ')}`,
    {
      errors: issues.map((issue) => ({
        path: ['rows', String(issue.row), issue.field],
        row: issue.row,
        field: issue.field,
        message: issue.message,
        name: 'ValidationError',
      })),
    },
  );

const MAX_ROWS = 5000;

/** Checks every row, then writes them all in one transaction, or none. */
export const importExternalAssessments = async (
  strapi: Core.Strapi,
  parsed: { rows: Array<{ row: number; values: RawRow }>; issues: ImportIssue[] },
): Promise<{ imported: number; documentIds: string[] }> => {
  const issues = [...parsed.issues];
  if (parsed.rows.length === 0 && issues.length === 0)
    issues.push({ row: 0, field: 'file', message: 'В файле нет ни одной строки результатов' });
  if (parsed.rows.length > MAX_ROWS) issues.push({ row: 0, field: 'file', message: `Не больше ${MAX_ROWS} строк за одну загрузку` });
  if (issues.length > 0) throw refuse(issues);
  const subjects = (await strapi.db.query('api::subject.subject').findMany({ select: ['documentId', 'name', 'shortName'] })) as Row[];
  const prepared: Prepared[] = [];
  for (const { row, values } of parsed.rows) prepared.push(await prepareRow(strapi, row, values, subjects, issues));
  // Rows that could be read are still judged by the record rules (then rolled back), so one answer
  // names every bad row.
  const unreadable = new Set(issues.map((issue) => issue.row));

  const created: string[] = [];
  const failed = new Error('import rolled back');
  try {
    await strapi.db.transaction(async () => {
      for (const { row, data } of prepared) {
        if (unreadable.has(row)) continue;
        try {
          const document = (await strapi.documents(EXTERNAL_ASSESSMENT).create({ data } as never)) as { documentId: string };
          created.push(document.documentId);
        } catch (error) {
          if (!(error instanceof errors.ValidationError)) throw error;
          const details = (error.details ?? {}) as { errors?: Array<{ path?: unknown[]; message?: string }> };
          const list = details.errors?.length ? details.errors : [{ path: ['row'], message: error.message }];
          for (const item of list) issues.push({ row, field: String(item.path?.[0] ?? 'row'), message: item.message ?? error.message });
        }
      }
      if (issues.length > 0) throw failed;
    });
  } catch (error) {
    if (error === failed) throw refuse(issues.sort((a, b) => a.row - b.row));
    throw error;
  }
  return { imported: created.length, documentIds: created };
};
