import {
  buildMarksGrid,
  chunk,
  journalDisplayName,
  journalPupils,
  sheetNames,
  summaryColumns,
  summaryValue,
} from '../../src/plugins/records-archive/server/src/archive/grid';
import {
  pathSegment,
  periodPackagePath,
  summaryPackagePath,
  versionedPath,
} from '../../src/plugins/records-archive/server/src/archive/paths';
import type {
  ArchivedJournal,
  ArchivedPupil,
  PeriodJournalArchive,
  SummarySheetArchive,
} from '../../src/plugins/records-archive/server/src/archive/types';

const pupil = (documentId: string, lastName: string, firstName: string, extra: Partial<ArchivedPupil> = {}): ArchivedPupil => ({
  documentId,
  lastName,
  firstName,
  patronymic: null,
  fullName: `${lastName} ${firstName}`,
  birthDate: '2014-01-01',
  enrolledFrom: null,
  enrolledTo: null,
  ...extra,
});

const lesson = (documentId: string, date: string, number = 1) => ({
  documentId,
  date,
  number,
  topic: null,
  homework: null,
  workType: null,
});
const mark = (
  documentId: string,
  pupilId: string,
  lessonId: string | null,
  value: string,
  kind: 'current' | 'periodic' = 'current',
  setAt = '2025-09-10T10:00:00Z',
) => ({
  documentId,
  pupil: pupilId,
  lesson: lessonId,
  studyPeriod: 'q1',
  kind,
  value,
  date: null,
  weight: 1,
  workType: null,
  comment: null,
  setAt,
});

const journal = (overrides: Partial<ArchivedJournal> = {}): ArchivedJournal => ({
  documentId: 'j1',
  title: '',
  kind: 'classroom',
  subgroup: null,
  subject: { documentId: 's1', name: 'Математика', shortName: 'Мат', scale: 'five-point' },
  teachers: [],
  pupils: [],
  lessons: [lesson('l3', '2025-09-10', 1), lesson('l1', '2025-09-02', 2), lesson('l2', '2025-09-02', 5)],
  marks: [],
  attendance: [],
  ...overrides,
});

const archive = (journals: ArchivedJournal[], pupils: ArchivedPupil[], withClass = true): PeriodJournalArchive => ({
  format: 'school-records/period-journal',
  formatVersion: 1,
  description: '',
  school: { name: 'Школа', timeZone: 'Europe/Moscow' },
  academicYear: { documentId: 'y', title: '2025/2026', startDate: '2025-09-01', endDate: '2026-08-31' },
  studyPeriod: { documentId: 'q1', title: '1 четверть', scheme: 'quarter', number: 1, startDate: '2025-09-01', endDate: '2025-10-24' },
  schoolClass: withClass ? { documentId: 'c', name: '5А', grade: 5, letter: 'А' } : null,
  pupils,
  journals,
});

describe('the marks grid of a journal', () => {
  const pupils = [
    pupil('p1', 'Фёдоров', 'Артём'),
    pupil('p2', 'Ёлкина', 'Мария'),
    pupil('p3', 'Елисеев', 'Иван'),
    pupil('p4', 'Абрамова', 'Юлия', { enrolledFrom: '2025-09-15' }),
  ];

  it('numbers the pupils alphabetically (Ё beside Е), a column per lesson in date and number order', () => {
    const grid = buildMarksGrid(archive([journal()], pupils), journal());
    expect(grid.rows.map((row) => [row.index, row.name, row.note])).toEqual([
      [1, 'Абрамова Юлия', 'с 15.09'],
      [2, 'Елисеев Иван', ''],
      [3, 'Ёлкина Мария', ''],
      [4, 'Фёдоров Артём', ''],
    ]);
    expect(grid.columns.map((column) => column.label)).toEqual(['02.09 (2)', '02.09 (5)', '10.09']);
  });

  it('puts marks and attendance codes in their cells, and the period mark last', () => {
    const marked = journal({
      marks: [
        mark('m1', 'p1', 'l1', '5'),
        mark('m2', 'p1', 'l1', '4', 'current', '2025-09-11T10:00:00Z'),
        mark('m3', 'p3', 'l3', '3'),
        mark('m4', 'p3', null, '4', 'periodic'),
      ],
      attendance: [
        { documentId: 'a1', pupil: 'p2', lesson: 'l2', kind: 'absent', minutesLate: null, comment: null },
        { documentId: 'a2', pupil: 'p3', lesson: 'l3', kind: 'late', minutesLate: 3, comment: null },
        { documentId: 'a3', pupil: 'p4', lesson: 'l3', kind: 'ill', minutesLate: null, comment: null },
        { documentId: 'a4', pupil: 'p1', lesson: 'l2', kind: 'excused', minutesLate: null, comment: null },
      ],
    });
    const grid = buildMarksGrid(archive([marked], pupils), marked);
    const byName = Object.fromEntries(grid.rows.map((row) => [row.name, [...row.cells, row.periodMark]]));
    expect(byName).toEqual({
      'Абрамова Юлия': ['', '', 'б', ''],
      'Елисеев Иван': ['', '', 'оп 3', '4'],
      'Ёлкина Мария': ['', 'н', '', ''],
      'Фёдоров Артём': ['5 4', 'у', '', ''],
    });
  });

  it('lists a group journal’s own pupils, plus anyone who has an entry in it', () => {
    const group = journal({ pupils: ['p1'], marks: [mark('m1', 'p4', 'l1', '5')] });
    expect(journalPupils(archive([group], pupils), group).map((row) => row.documentId)).toEqual(['p4', 'p1']);
    const club = journal({ pupils: [], marks: [mark('m1', 'p2', 'l1', '5')] });
    expect(journalPupils(archive([club], pupils, false), club).map((row) => row.documentId)).toEqual(['p2']);
  });

  it('has no columns for a period without lessons', () => {
    const empty = journal({ lessons: [] });
    const grid = buildMarksGrid(archive([empty], pupils), empty);
    expect(grid.columns).toEqual([]);
    expect(grid.rows.every((row) => row.cells.length === 0)).toBe(true);
  });
});

describe('worksheet names', () => {
  it('are at most 31 characters, without []:*?/\\, unique and never a reserved name', () => {
    const names = sheetNames(
      ['Математика', 'Математика', 'Основы духовно-нравственной культуры народов России', 'Физика: лаб/практ [доп]', 'темы уроков', ''],
      ['Темы уроков'],
    );
    expect(names).toEqual([
      'Математика',
      'Математика (2)',
      'Основы духовно-нравственной кул',
      'Физика лаб практ доп',
      'темы уроков (2)',
      'Журнал',
    ]);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
  });

  it('name a journal by subject, group and kind', () => {
    expect(journalDisplayName(journal())).toBe('Математика');
    expect(journalDisplayName(journal({ subgroup: 'группа 2' }))).toBe('Математика (группа 2)');
    expect(journalDisplayName(journal({ subject: null, title: 'Шахматы', kind: 'club' }))).toBe('Шахматы (кружок)');
  });
});

describe('chunk', () => {
  it.each([
    [[1, 2, 3, 4, 5], 2, [[1, 2], [3, 4], [5]]],
    [[1, 2], 5, [[1, 2]]],
    [[], 3, [[]]],
  ])('%j by %i', (items, size, pieces) => {
    expect(chunk(items, size)).toEqual(pieces);
  });
});

describe('summary sheet columns', () => {
  const summary: SummarySheetArchive = {
    format: 'school-records/summary-sheet',
    formatVersion: 1,
    description: '',
    school: { name: 'Школа', timeZone: 'Europe/Moscow' },
    academicYear: { documentId: 'y', title: '2025/2026', startDate: '2025-09-01', endDate: '2026-08-31' },
    schoolClass: { documentId: 'c', name: '9А', grade: 9, letter: 'А' },
    periods: [1, 2, 3, 4].map((number) => ({
      documentId: `q${number}`,
      title: `${number} четверть`,
      scheme: 'quarter',
      number,
      startDate: '',
      endDate: '',
    })),
    subjects: [
      { key: 'math', name: 'Математика', shortName: null, journals: [] },
      { key: 'pe', name: 'Физкультура', shortName: null, journals: [] },
    ],
    pupils: [],
    marks: {
      p1: {
        math: { periods: { q1: '4', q4: '5' }, annual: '5', exam: '4', final: '5' },
        pe: { periods: {}, annual: 'зачтено', exam: null, final: null },
      },
    },
  };

  it('are the periods and the year, plus exam and final where some pupil has them', () => {
    expect(summaryColumns(summary, summary.subjects[0]).map((column) => column.label)).toEqual([
      '1 четверть',
      '2 четверть',
      '3 четверть',
      '4 четверть',
      'Год',
      'Экз.',
      'Итог',
    ]);
    expect(summaryColumns(summary, summary.subjects[1]).map((column) => column.label)).toEqual([
      '1 четверть',
      '2 четверть',
      '3 четверть',
      '4 четверть',
      'Год',
    ]);
  });

  it('read each cell from the pupil’s line', () => {
    const columns = summaryColumns(summary, summary.subjects[0]);
    expect(columns.map((column) => summaryValue(summary.marks.p1.math, column))).toEqual(['4', '', '', '5', '5', '4', '5']);
    expect(summaryValue(undefined, columns[0])).toBe('');
  });
});

describe('package paths', () => {
  it('are ASCII, transliterated, readable', () => {
    expect(pathSegment('5А')).toBe('5A');
    expect(pathSegment('11Б')).toBe('11B');
    expect(pathSegment('Шахматы (кружок)')).toBe('Shakhmaty-kruzhok');
    expect(pathSegment('2025/2026')).toBe('2025-2026');
    expect(pathSegment('«»')).toBe('x');
    expect(periodPackagePath('2025/2026', 'half-year', 2, '10Я')).toBe('2025-2026/half-year-2/10Ia');
    expect(summaryPackagePath('2025/2026', '7Ё')).toBe('2025-2026/summary-sheets/7E');
    expect(versionedPath('2025-2026/quarter-1/5A', 1)).toBe('2025-2026/quarter-1/5A');
    expect(versionedPath('2025-2026/quarter-1/5A', 3)).toBe('2025-2026/quarter-1/5A-v3');
  });
});
