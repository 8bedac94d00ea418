import { readFile } from 'fs/promises';
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import ExcelJS from 'exceljs';
import { parseLocalDate } from './calendar';

/**
 * Importing records from a CSV or XLSX sheet (or JSON rows), all rows or none — shared by the
 * imports of external assessments (`src/api/external-assessment/import.ts`) and of GIA protocols
 * (`src/api/exam-result/import.ts`). Each import names its columns (field → accepted titles); every
 * row is read and checked first, then all are written in one transaction through the document
 * service (so the record rules judge each one); a single bad row refuses the whole file, and every
 * problem is reported with its row number and field (HTTP 400, `error.details.errors[]`).
 *
 * Row numbers: the line of the sheet or file (the header is row 1, the first data row 2); JSON rows
 * count from 1.
 */

export interface ImportIssue {
  row: number;
  field: string;
  message: string;
}

export type RawRow = Record<string, unknown>;
export interface SheetRow {
  row: number;
  values: RawRow;
}
export interface ParsedSheet {
  rows: SheetRow[];
  issues: ImportIssue[];
}

/** Lower case, «ё» as «е», single spaces: how column titles and names are compared. */
export const normalise = (text: string): string => text.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');

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

/** `ДД.ММ.ГГГГ` or `ГГГГ-ММ-ДД` as a local date; null when neither. */
export const readSheetDate = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const russian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value.trim());
  const iso = russian ? `${russian[3]}-${russian[2].padStart(2, '0')}-${russian[1].padStart(2, '0')}` : value.trim();
  return parseLocalDate(iso);
};

export type UploadedFile = { filepath?: string; originalFilename?: string | null; mimetype?: string | null };

/** An import's column mapping: field → the column titles accepted for it (case and «ё» ignored). */
export const sheetReader = (columns: Record<string, string[]>) => {
  const fieldOfColumn = new Map<string, string>(
    Object.entries(columns).flatMap(([field, names]) => names.map((name) => [normalise(name), field] as [string, string])),
  );

  /** Lines of a sheet (header first) as numbered rows keyed by field; blank lines skipped. */
  const rowsOfSheet = (lines: string[][]): ParsedSheet => {
    const issues: ImportIssue[] = [];
    const header = lines[0] ?? [];
    const fields = header.map((title) => fieldOfColumn.get(normalise(title)) ?? null);
    header.forEach((title, index) => {
      if (title.trim() && !fields[index]) issues.push({ row: 1, field: title.trim(), message: `Неизвестный столбец «${title.trim()}»` });
    });
    const rows: SheetRow[] = [];
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

  /** The rows of an import request: an uploaded CSV or XLSX file, or JSON `rows`. */
  const readImportRows = async (input: { file?: UploadedFile | null; rows?: unknown }): Promise<ParsedSheet> => {
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
          const field = fieldOfColumn.get(normalise(key));
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

  return { rowsOfSheet, readImportRows };
};

/** The upload or JSON rows of an import request (multipart field `file`, or `{ data: { rows } }`). */
export const importInputOf = (request: unknown): { file?: UploadedFile; rows?: unknown } => {
  const { files, body } = request as { files?: Record<string, UploadedFile | UploadedFile[]>; body?: unknown };
  const given = files?.file ?? Object.values(files ?? {})[0];
  const file = Array.isArray(given) ? given[0] : given;
  const payload = (body ?? {}) as { data?: { rows?: unknown }; rows?: unknown };
  return { file, rows: payload.data && typeof payload.data === 'object' ? payload.data.rows : payload.rows };
};

/** A text cell of a row: numbers as text; null when empty; anything else reported. */
export const rowText = (values: RawRow, field: string, report: (field: string, message: string) => void): string | null => {
  const value = values[field];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') {
    report(field, 'Ожидается текст или число');
    return null;
  }
  return value.trim() || null;
};

/** A date cell of a row (ДД.ММ.ГГГГ or ГГГГ-ММ-ДД) as a local date; null when empty or unreadable (then reported). */
export const rowDate = (values: RawRow, field: string, report: (field: string, message: string) => void): string | null => {
  const given = rowText(values, field, report);
  if (!given) return null;
  const parsed = readSheetDate(given);
  if (!parsed) report(field, `Дата «${given}» пишется как ДД.ММ.ГГГГ или ГГГГ-ММ-ДД`);
  return parsed;
};

export type SubjectRow = { id: number; documentId: string; name?: unknown; shortName?: unknown };

/** The subjects to match by documentId, name or short name. */
export const loadSubjects = async (strapi: Core.Strapi): Promise<SubjectRow[]> =>
  (await strapi.db.query('api::subject.subject').findMany({ select: ['id', 'documentId', 'name', 'shortName'] })) as SubjectRow[];

export const findSubject = (subjects: SubjectRow[], given: string): SubjectRow | null => {
  const wanted = normalise(given);
  return (
    subjects.find(
      (item) =>
        item.documentId === given || normalise(String(item.name ?? '')) === wanted || normalise(String(item.shortName ?? '')) === wanted,
    ) ?? null
  );
};

/**
 * The pupil of a row: by the pupil's code (documentId, field `student`), else by full name and
 * birth date (fields `fullName`, `birthDate`; the record keeps no identity document numbers to match
 * by); null with the problem reported.
 */
export const matchPupil = async (
  strapi: Core.Strapi,
  values: RawRow,
  report: (field: string, message: string) => void,
): Promise<string | null> => {
  const text = (field: string) => rowText(values, field, report);
  const documentId = text('student');
  const fullName = text('fullName');
  const birthDate = text('birthDate');
  if (documentId) {
    const student = await strapi.db.query('api::student.student').findOne({ where: { documentId }, select: ['documentId'] });
    if (student) return documentId;
    report('student', `Обучающийся с кодом «${documentId}» не найден`);
    return null;
  }
  if (fullName && birthDate) {
    const born = readSheetDate(birthDate);
    if (!born) {
      report('birthDate', `Дата рождения «${birthDate}» пишется как ДД.ММ.ГГГГ или ГГГГ-ММ-ДД`);
      return null;
    }
    const candidates = (await strapi.db
      .query('api::student.student')
      .findMany({ where: { birthDate: born }, select: ['documentId', 'fullName'] })) as Array<{ documentId: string; fullName?: unknown }>;
    const matches = candidates.filter((candidate) => normalise(String(candidate.fullName ?? '')) === normalise(fullName));
    if (matches.length === 1) return matches[0].documentId;
    if (matches.length === 0) report('fullName', `Обучающийся «${fullName}», ${birthDate} не найден`);
    else report('fullName', `Найдено несколько обучающихся «${fullName}», ${birthDate}: укажите код обучающегося`);
    return null;
  }
  report('student', 'Укажите код обучающегося или ФИО и дату рождения');
  return null;
};

/** HTTP 400 listing every problem of an import with its row and field; nothing was stored. */
export const refuseImport = (issues: ImportIssue[]): errors.ValidationError =>
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

export const MAX_IMPORT_ROWS = 5000;

/** Refuses a sheet that could not be read, is empty or too long, before any row is looked at. */
export const checkSheet = (parsed: ParsedSheet, emptyMessage: string): void => {
  const issues = [...parsed.issues];
  if (parsed.rows.length === 0 && issues.length === 0) issues.push({ row: 0, field: 'file', message: emptyMessage });
  if (parsed.rows.length > MAX_IMPORT_ROWS)
    issues.push({ row: 0, field: 'file', message: `Не больше ${MAX_IMPORT_ROWS} строк за одну загрузку` });
  if (issues.length > 0) throw refuseImport(issues);
};

/**
 * Writes the prepared rows in one transaction through the document service, or none: rows that
 * could not be read (named in `issues`) are skipped, the others are still judged by the record rules
 * (then rolled back), so one answer names every bad row.
 */
export const createAllOrNothing = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  prepared: Array<{ row: number; data: Record<string, unknown> }>,
  readIssues: ImportIssue[],
): Promise<{ imported: number; documentIds: string[] }> => {
  const issues = [...readIssues];
  const unreadable = new Set(issues.map((issue) => issue.row));
  const created: string[] = [];
  const failed = new Error('import rolled back');
  try {
    await strapi.db.transaction(async () => {
      for (const { row, data } of prepared) {
        if (unreadable.has(row)) continue;
        try {
          const document = (await strapi.documents(uid).create({ data } as never)) as { documentId: string };
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
    if (error === failed) throw refuseImport(issues.sort((a, b) => a.row - b.row));
    throw error;
  }
  return { imported: created.length, documentIds: created };
};
