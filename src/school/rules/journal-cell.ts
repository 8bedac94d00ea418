import { normalizeMarkValue } from './mark-values';

/**
 * What a teacher types into one cell of the journal grid (pupil × lesson): the marks of the lesson
 * and the attendance, as in a paper journal. «5», «4 5» or «5/4» are marks; «н» absent, «б» ill,
 * «у» excused (уважительная причина), «о» late; «н 3» is an absence and a mark for work handed in.
 * An empty cell clears the marks and the attendance.
 */

export type AttendanceKind = 'absent' | 'ill' | 'excused' | 'late';

export interface JournalCellEntry {
  marks: string[];
  attendance: AttendanceKind | null;
}

export type ParsedCell = { ok: true; entry: JournalCellEntry } | { ok: false; message: string };

/** The letters of attendance in the journal, with the Latin letters a wrong keyboard layout gives. */
export const ATTENDANCE_LETTERS: Record<string, AttendanceKind> = {
  н: 'absent',
  y: 'absent', // the key of «н» on a Latin layout
  б: 'ill',
  у: 'excused',
  e: 'excused',
  о: 'late',
  j: 'late',
};

export const ATTENDANCE_LETTER_OF: Record<AttendanceKind, string> = { absent: 'н', ill: 'б', excused: 'у', late: 'о' };

const MAX_MARKS_PER_CELL = 3;

/** Splits the cell into words; «5/4», «5,4» and «5 4» are the same two marks. */
const wordsOf = (text: string): string[] => {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return [];
  // Pass-fail spellings contain spaces and slashes («не зачтено», «н/а»): read them whole first.
  const whole = normalizeMarkValue(trimmed);
  if (whole && !/^[1-5]$/.test(whole)) return [trimmed];
  return trimmed.split(/[\s/;]+|,(?=\S)/).filter((word) => word !== '');
};

/** Reads the typed text against the marks this journal allows; a clear Russian message when it can't. */
export const parseJournalCell = (text: string, allowedValues: string[]): ParsedCell => {
  const marks: string[] = [];
  let attendance: AttendanceKind | null = null;
  for (const word of wordsOf(text)) {
    const letter = ATTENDANCE_LETTERS[word];
    if (letter && !normalizeMarkValue(word)) {
      if (attendance && attendance !== letter) return { ok: false, message: 'В клетке может быть только одна отметка о посещаемости' };
      attendance = letter;
      continue;
    }
    const value = /^\d+$/.test(word) ? word : normalizeMarkValue(word);
    if (!value) {
      return {
        ok: false,
        message: `Не понято «${word}»: введите отметку (${allowedValues.join(', ')}) или н — отсутствовал, б — болел, у — уважительная причина, о — опоздал`,
      };
    }
    if (!allowedValues.includes(value)) {
      return { ok: false, message: `Отметка «${value}» не предусмотрена для этого журнала: допустимы ${allowedValues.join(', ')}` };
    }
    marks.push(value);
  }
  if (marks.length > MAX_MARKS_PER_CELL) {
    return { ok: false, message: `Не больше ${MAX_MARKS_PER_CELL} отметок за один урок` };
  }
  return { ok: true, entry: { marks, attendance } };
};

/** The cell as the grid shows it: marks, then the attendance letter («н», «5 4», «о 5»). */
export const formatJournalCell = (entry: JournalCellEntry): string =>
  [...(entry.attendance ? [ATTENDANCE_LETTER_OF[entry.attendance]] : []), ...entry.marks].join(' ');
