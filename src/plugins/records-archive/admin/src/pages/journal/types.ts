/** The journal grid as the server sends it (mirrors `src/api/journal-grid/services/journal-grid.ts`). */

export type AttendanceKind = 'absent' | 'ill' | 'excused' | 'late';

export interface GridMark {
  documentId: string;
  value: string;
  weight: number | null;
  workType: string | null;
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

export const cellKey = (pupil: string, lesson: string): string => `${pupil}:${lesson}`;

/** «02.09» of an ISO date, without time zones getting in the way. */
export const shortDate = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}`;
export const fullDate = (iso: string | null): string => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '—');
