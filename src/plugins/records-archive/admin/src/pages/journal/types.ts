/** The journal grid as the server sends it (mirrors `src/api/journal-grid/services/journal-grid.ts`). */

export type AttendanceKind = 'absent' | 'ill' | 'excused' | 'late';
/** The level a control work's points reach (src/school/rules/control-work.ts `levelFromPoints`). */
export type PointsLevel = 'below-basic' | 'basic' | 'advanced';

export interface GridMark {
  documentId: string;
  value: string;
  weight: number | null;
  workType: string | null;
  points: number | null;
  level: PointsLevel | null;
}

export interface GridCellData {
  pupil: string;
  lesson: string;
  marks: GridMark[];
  attendance: { documentId: string; kind: AttendanceKind } | null;
}

export interface GridLesson {
  documentId: string;
  date: string;
  number: number | null;
  topic: string | null;
  homework: string | null;
  workType: string | null;
  weight: number | null;
  /** A control work's maximum points and level thresholds; a column with a maximum takes points. */
  maxPoints: number | null;
  basicFromPoints: number | null;
  advancedFromPoints: number | null;
}

export interface GridPupil {
  documentId: string;
  number: number;
  fullName: string;
  from: string | null;
  to: string | null;
  specialConditions?: boolean;
}

export interface GridPeriod {
  documentId: string;
  title: string;
  startDate: string;
  endDate: string;
  state: string;
}

export interface GridRemark {
  documentId: string;
  inspectedOn: string | null;
  findings: string | null;
  remarks: string | null;
  state: string;
  fixBy: string | null;
}

export interface JournalGrid {
  journal: {
    documentId: string;
    title: string;
    kind: string;
    className: string | null;
    subjectName: string | null;
    scale: string | null;
    yearTitle: string | null;
    teachers: string[];
  };
  period: GridPeriod & { locked: boolean };
  periods: GridPeriod[];
  pupils: GridPupil[];
  lessons: GridLesson[];
  cells: GridCellData[];
  periodMarks: Array<{ pupil: string; documentId: string; value: string }>;
  averages: Record<string, number | null>;
  allowedValues: { current: string[]; periodic: string[] };
  remarks: GridRemark[];
  today: string;
  access: { write: boolean; remark: boolean };
}

export interface JournalChoice {
  documentId: string;
  title: string;
  className: string | null;
  subjectName: string | null;
  yearTitle: string | null;
  yearDocumentId: string | null;
}

const LETTER: Record<AttendanceKind, string> = { absent: 'н', ill: 'б', excused: 'у', late: 'о' };

/** What a cell shows and what editing starts from: «н», «5 4», «о 5». */
export const cellText = (cell: Pick<GridCellData, 'marks' | 'attendance'> | undefined): string =>
  cell ? [...(cell.attendance ? [LETTER[cell.attendance.kind]] : []), ...cell.marks.map((mark) => mark.value)].join(' ') : '';

/** A lesson column that takes points: a control work with a maximum. */
export const takesPoints = (lesson: Pick<GridLesson, 'maxPoints'> | undefined): boolean =>
  lesson !== undefined && lesson.maxPoints !== null && lesson.maxPoints !== undefined;

/** The points of a cell: those of its first mark (the work's mark). */
export const cellPoints = (cell: Pick<GridCellData, 'marks'> | undefined): number | null => cell?.marks[0]?.points ?? null;

/** What editing starts from in a column with points: the marks, then «/points» («5/18»). */
export const cellEditText = (cell: GridCellData | undefined, lesson: GridLesson | undefined): string => {
  const points = cellPoints(cell);
  return takesPoints(lesson) && points !== null ? `${cellText(cell)}/${points}` : cellText(cell);
};

/** What a cell shows: in a column with points, «5 · 18/20». */
export const cellShown = (cell: GridCellData | undefined, lesson: GridLesson | undefined): string => {
  const points = cellPoints(cell);
  return takesPoints(lesson) && points !== null && lesson ? `${cellText(cell)} · ${points}/${lesson.maxPoints}` : cellText(cell);
};

/**
 * The typed text of a column with points split into the cell and the points: «5/18» is the mark 5
 * and 18 points, «5» the mark without points (they are cleared). Other columns keep «5/4» as two marks.
 */
export const splitPoints = (text: string): { text: string; points: string | null } => {
  const found = /^(.*?)\s*\/\s*(-?\d+(?:[.,]\d+)?)\s*$/.exec(text.trim());
  return found ? { text: found[1], points: found[2].replace(',', '.') } : { text, points: null };
};

export const cellKey = (pupil: string, lesson: string): string => `${pupil}:${lesson}`;

/** «02.09» of an ISO date, without time zones getting in the way. */
export const shortDate = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}`;
export const fullDate = (iso: string | null): string => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '—');
