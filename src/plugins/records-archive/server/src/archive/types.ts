/**
 * The data of archive packages as it is written to `data/*.json`: a self-contained snapshot, with
 * documentIds as references (stable across database restores) and local dates `YYYY-MM-DD`.
 */

export interface ArchivedSchool {
  name: string;
  timeZone: string;
}

export interface ArchivedYear {
  documentId: string;
  title: string;
  startDate: string;
  endDate: string;
}

export interface ArchivedPeriod {
  documentId: string;
  title: string;
  scheme: string;
  number: number;
  startDate: string;
  endDate: string;
}

export interface ArchivedClass {
  documentId: string;
  name: string;
  grade: number;
  letter: string;
}

export interface ArchivedPupil {
  documentId: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  fullName: string;
  birthDate: string | null;
  /** On the class list from / to (inside the archived span), when not for the whole span. */
  enrolledFrom: string | null;
  enrolledTo: string | null;
}

export interface ArchivedLesson {
  documentId: string;
  date: string;
  number: number;
  topic: string | null;
  homework: string | null;
  workType: string | null;
}

export type ArchivedMarkKind = 'current' | 'periodic' | 'annual' | 'exam' | 'final';

export interface ArchivedMark {
  documentId: string;
  pupil: string;
  lesson: string | null;
  studyPeriod: string | null;
  kind: ArchivedMarkKind;
  value: string;
  date: string | null;
  weight: number | null;
  workType: string | null;
  comment: string | null;
  setAt: string | null;
}

export type AttendanceStatus = 'absent' | 'ill' | 'excused' | 'late';

export interface ArchivedAttendance {
  documentId: string;
  pupil: string;
  lesson: string;
  kind: AttendanceStatus;
  minutesLate: number | null;
  comment: string | null;
}

export interface ArchivedSubject {
  documentId: string;
  name: string;
  shortName: string | null;
  scale: string;
}

export interface ArchivedJournal {
  documentId: string;
  title: string;
  kind: string;
  subgroup: string | null;
  subject: ArchivedSubject | null;
  teachers: string[];
  /** The journal's own list (groups, home schooling); empty when it follows the class list. */
  pupils: string[];
  lessons: ArchivedLesson[];
  marks: ArchivedMark[];
  attendance: ArchivedAttendance[];
}

/** `data/journal.json` of a period package: one class (or one cross-class journal) for one study period. */
export interface PeriodJournalArchive {
  format: 'school-records/period-journal';
  formatVersion: 1;
  description: string;
  school: ArchivedSchool;
  academicYear: ArchivedYear;
  studyPeriod: ArchivedPeriod;
  schoolClass: ArchivedClass | null;
  pupils: ArchivedPupil[];
  journals: ArchivedJournal[];
}

/** One pupil × subject line of a summary sheet. */
export interface SummaryMarks {
  /** Period documentId → mark. */
  periods: Record<string, string>;
  annual: string | null;
  exam: string | null;
  final: string | null;
}

export interface SummarySubject {
  key: string;
  name: string;
  shortName: string | null;
  journals: string[];
}

/** `data/summary.json` of a school-year package: the class's summary progress sheet. */
export interface SummarySheetArchive {
  format: 'school-records/summary-sheet';
  formatVersion: 1;
  description: string;
  school: ArchivedSchool;
  academicYear: ArchivedYear;
  schoolClass: ArchivedClass;
  periods: ArchivedPeriod[];
  subjects: SummarySubject[];
  pupils: ArchivedPupil[];
  /** Pupil documentId → subject key → marks. */
  marks: Record<string, Record<string, SummaryMarks>>;
}
