import type {
  ArchivedJournal,
  ArchivedPupil,
  AttendanceStatus,
  PeriodJournalArchive,
  SummaryMarks,
  SummarySheetArchive,
  SummarySubject,
} from './types';

/**
 * How the archived journal is laid out like the paper one: pupils alphabetically and numbered,
 * a column per lesson, marks and attendance codes in the cells, the period mark last. Pure: the
 * spreadsheet and the PDF are both drawn from these grids.
 */

/** The codes of the paper journal: «н» absent, «б» ill, «у» excused, «оп» late. */
export const ATTENDANCE_CODES: Record<AttendanceStatus, string> = { absent: 'н', ill: 'б', excused: 'у', late: 'оп' };

export const JOURNAL_KIND_TITLES: Record<string, string> = {
  classroom: 'классный журнал',
  extracurricular: 'внеурочная деятельность',
  elective: 'факультатив',
  'individual-group': 'индивидуально-групповые занятия',
  'home-schooling': 'обучение на дому',
  club: 'кружок',
  section: 'секция',
};

const collator = new Intl.Collator('ru', { sensitivity: 'base', numeric: true });

export const comparePupils = (a: ArchivedPupil, b: ArchivedPupil): number =>
  collator.compare(a.lastName, b.lastName) ||
  collator.compare(a.firstName, b.firstName) ||
  collator.compare(a.patronymic ?? '', b.patronymic ?? '') ||
  (a.birthDate ?? '').localeCompare(b.birthDate ?? '') ||
  a.documentId.localeCompare(b.documentId);

/** «02.09» from «2025-09-02». */
export const dayMonth = (date: string): string => `${date.slice(8, 10)}.${date.slice(5, 7)}`;

/** «02.09.2025» from «2025-09-02». */
export const fullDate = (date: string): string => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

/** The journal as a user names it: «Математика», «Английский язык (группа 2)», «Шахматы (кружок)». */
export const journalDisplayName = (journal: Pick<ArchivedJournal, 'subject' | 'subgroup' | 'kind' | 'title'>): string => {
  const base = journal.subject?.name ?? journal.title ?? 'Журнал';
  const notes = [journal.subgroup, journal.kind !== 'classroom' ? JOURNAL_KIND_TITLES[journal.kind] : null].filter(Boolean);
  return notes.length ? `${base} (${notes.join(', ')})` : base;
};

/** A pupil's note beside the name when they were on the list only part of the span: «с 12.10», «по 20.10». */
export const enrolmentNote = (pupil: ArchivedPupil): string =>
  [pupil.enrolledFrom ? `с ${dayMonth(pupil.enrolledFrom)}` : null, pupil.enrolledTo ? `по ${dayMonth(pupil.enrolledTo)}` : null]
    .filter(Boolean)
    .join(' ');

export interface GridColumn {
  lesson: string;
  date: string;
  number: number;
  /** «02.09», or «02.09 (3)» when the journal has more than one lesson that day. */
  label: string;
}

export interface GridRow {
  /** 1-based running number. */
  index: number;
  pupil: string;
  name: string;
  note: string;
  cells: string[];
  periodMark: string;
}

export interface MarksGrid {
  columns: GridColumn[];
  rows: GridRow[];
}

/** The pupils of a journal: its own list or the class list, plus anyone who has an entry in it, alphabetically. */
export const journalPupils = (archive: PeriodJournalArchive, journal: ArchivedJournal): ArchivedPupil[] => {
  const byId = new Map(archive.pupils.map((pupil) => [pupil.documentId, pupil]));
  const ids = new Set(
    journal.pupils.length > 0 ? journal.pupils : archive.schoolClass ? archive.pupils.map((pupil) => pupil.documentId) : [],
  );
  for (const mark of journal.marks) ids.add(mark.pupil);
  for (const entry of journal.attendance) ids.add(entry.pupil);
  return [...ids]
    .map((id) => byId.get(id))
    .filter((pupil): pupil is ArchivedPupil => Boolean(pupil))
    .sort(comparePupils);
};

export const buildMarksGrid = (archive: PeriodJournalArchive, journal: ArchivedJournal): MarksGrid => {
  const lessons = [...journal.lessons].sort((a, b) => a.date.localeCompare(b.date) || a.number - b.number);
  const perDay = new Map<string, number>();
  for (const lesson of lessons) perDay.set(lesson.date, (perDay.get(lesson.date) ?? 0) + 1);
  const columns: GridColumn[] = lessons.map((lesson) => ({
    lesson: lesson.documentId,
    date: lesson.date,
    number: lesson.number,
    label: (perDay.get(lesson.date) ?? 0) > 1 ? `${dayMonth(lesson.date)} (${lesson.number})` : dayMonth(lesson.date),
  }));
  const columnOf = new Map(columns.map((column, index) => [column.lesson, index]));
  const pupils = journalPupils(archive, journal);
  const rowOf = new Map(pupils.map((pupil, index) => [pupil.documentId, index]));
  const marks: string[][][] = pupils.map(() => columns.map(() => []));
  const codes: string[][] = pupils.map(() => columns.map(() => ''));
  const periodMarks: string[] = pupils.map(() => '');
  // In the order they were set, as the teacher wrote them into the cell.
  const inOrder = [...journal.marks].sort(
    (a, b) => (a.setAt ?? '').localeCompare(b.setAt ?? '') || a.documentId.localeCompare(b.documentId),
  );
  for (const mark of inOrder) {
    const row = rowOf.get(mark.pupil);
    if (row === undefined) continue;
    if (mark.kind === 'periodic' && mark.studyPeriod === archive.studyPeriod.documentId) periodMarks[row] = mark.value;
    if (mark.kind !== 'current' || !mark.lesson) continue;
    const column = columnOf.get(mark.lesson);
    if (column !== undefined) marks[row][column].push(mark.value);
  }
  for (const entry of journal.attendance) {
    const row = rowOf.get(entry.pupil);
    const column = columnOf.get(entry.lesson);
    if (row !== undefined && column !== undefined) codes[row][column] = ATTENDANCE_CODES[entry.kind] ?? '';
  }
  const rows: GridRow[] = pupils.map((pupil, row) => ({
    index: row + 1,
    pupil: pupil.documentId,
    name: pupil.fullName,
    note: enrolmentNote(pupil),
    cells: columns.map((_, column) => [codes[row][column], ...marks[row][column]].filter(Boolean).join(' ')),
    periodMark: periodMarks[row],
  }));
  return { columns, rows };
};

const SHEET_NAME_MAX = 31;

/**
 * Worksheet names for the journals, in order: the subject (with group or kind), at most 31
 * characters, none of `[]:*?/\`, unique case-insensitively, never one of the `reserved` names.
 */
export const sheetNames = (names: string[], reserved: string[] = []): string[] => {
  const taken = new Set(reserved.map((name) => name.toLowerCase()));
  return names.map((raw) => {
    const clean =
      raw
        .replace(/[[\]:*?/\\]/g, ' ')
        .replace(/\s+/g, ' ')
        .replace(/^'+|'+$/g, '')
        .trim() || 'Журнал';
    let candidate = clean.slice(0, SHEET_NAME_MAX).trim();
    for (let counter = 2; taken.has(candidate.toLowerCase()); counter += 1) {
      const suffix = ` (${counter})`;
      candidate = `${clean.slice(0, SHEET_NAME_MAX - suffix.length).trim()}${suffix}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
};

/** Splits a list into consecutive pieces of at most `size` (for PDF pages). */
export const chunk = <T>(items: T[], size: number): T[][] => {
  if (size < 1) throw new Error('chunk size must be positive');
  const pieces: T[][] = [];
  for (let start = 0; start < items.length; start += size) pieces.push(items.slice(start, start + size));
  return pieces.length ? pieces : [[]];
};

export interface SummaryColumn {
  key: keyof Omit<SummaryMarks, 'periods'> | `period:${string}`;
  label: string;
}

/** The columns of one subject on the summary sheet: each period, «Год», and «Экз.»/«Итог» where some pupil has one. */
export const summaryColumns = (archive: SummarySheetArchive, subject: SummarySubject): SummaryColumn[] => {
  const lines = Object.values(archive.marks)
    .map((bySubject) => bySubject[subject.key])
    .filter(Boolean);
  return [
    ...archive.periods.map((period) => ({ key: `period:${period.documentId}` as const, label: period.title })),
    { key: 'annual' as const, label: 'Год' },
    ...(lines.some((line) => line.exam) ? [{ key: 'exam' as const, label: 'Экз.' }] : []),
    ...(lines.some((line) => line.final) ? [{ key: 'final' as const, label: 'Итог' }] : []),
  ];
};

export const summaryValue = (marks: SummaryMarks | undefined, column: SummaryColumn): string => {
  if (!marks) return '';
  if (column.key.startsWith('period:')) return marks.periods[column.key.slice('period:'.length)] ?? '';
  return marks[column.key as 'annual' | 'exam' | 'final'] ?? '';
};
