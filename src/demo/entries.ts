/**
 * The marks and attendance of one journal, planned from the school plan: who is on the list on each
 * lesson date, who is absent, who gets a mark and which, then the period and annual marks.
 * Each journal has its own random stream, so journals can be planned (and written) one at a time.
 */
import { DateTime } from 'luxon';
import type { MarkKind } from '../school/rules/mark-values';
import type { WorkType } from './lesson-content';
import { annualMark, drawMark, numericOf, periodMark } from './mark-math';
import type { AbsenceStatus, PlannedEnrollment, PlannedJournal, PlannedLesson, PlannedStudent, SchoolPlan } from './plan';
import { mixSeed, Random } from './random';

export interface PlannedMark {
  student: number;
  journal: number;
  /** Index into plan.lessons (current marks only). */
  lesson: number | null;
  /** Index into plan.calendar.periods. */
  period: number | null;
  kind: Extract<MarkKind, 'current' | 'periodic' | 'annual'>;
  value: string;
  numericValue: number | null;
  weight: number;
  workType: WorkType | null;
  date: string;
  setAt: Date;
  setBy: number | null;
}

export interface PlannedAttendance {
  student: number;
  lesson: number;
  journal: number;
  kind: AbsenceStatus;
  minutesLate: number | null;
  date: string;
  comment: string | null;
  setAt: Date;
  setBy: number | null;
}

export interface JournalEntries {
  marks: PlannedMark[];
  attendance: PlannedAttendance[];
}

/** Turns a local date and minutes after midnight (in the school's zone) into an instant. */
export type SchoolClock = (date: string, minutes: number) => Date;

export const schoolClock = (timeZone: string): SchoolClock => {
  const midnights = new Map<string, number>();
  return (date, minutes) => {
    let midnight = midnights.get(date);
    if (midnight === undefined) {
      midnight = DateTime.fromISO(date, { zone: timeZone }).startOf('day').toMillis();
      midnights.set(date, midnight);
    }
    return new Date(midnight + minutes * 60000);
  };
};

/** Minutes after midnight when lesson `number` ends: 8:30 start, 45-minute lessons, 10-minute breaks. */
export const lessonEnd = (number: number): number => 8 * 60 + 30 + (number - 1) * 55 + 45;

/** The chance that a present pupil gets a mark at a lesson of this kind. */
const MARK_RATE: Partial<Record<WorkType, number>> = {
  'control-work': 0.95,
  dictation: 0.95,
  test: 0.9,
  essay: 0.9,
  project: 0.9,
  'independent-work': 0.65,
  'written-work': 0.65,
  'lab-work': 0.7,
  'practical-work': 0.6,
};
const REGULAR_RATE = 0.19;
const HARD_WORK = new Set<WorkType>(['control-work', 'dictation', 'test', 'essay']);
const EXCUSES = ['Заявление родителей', 'Участие в олимпиаде', 'Участие в соревнованиях', 'Санаторно-курортное лечение'];

const onDate = (enrollment: PlannedEnrollment, date: string): boolean =>
  enrollment.startDate <= date && (enrollment.endDate === null || enrollment.endDate >= date);

export const planJournalEntries = (plan: SchoolPlan, journalIndex: number, clock: SchoolClock): JournalEntries => {
  const journal = plan.journals[journalIndex] as PlannedJournal;
  const rng = new Random(mixSeed(plan.seed, 7, journalIndex));
  const [first, end] = plan.lessonRanges[journalIndex] as [number, number];
  const teacher = journal.teachers[0] ?? null;
  const scale = plan.subjects[journal.subject]?.scale ?? 'five-point';
  const classList =
    journal.schoolClass === null ? [] : plan.enrollments.filter((enrollment) => enrollment.schoolClass === journal.schoolClass);
  const listed = new Set(journal.pupils);
  const excluded = new Set(journal.excludedPupils);
  const eligible = (pupil: number): boolean => !excluded.has(pupil) && (listed.size === 0 || listed.has(pupil));
  /** Pupils on the journal's list on a date, in class-list order. */
  const membersOn = (date: string): number[] =>
    journal.schoolClass === null
      ? journal.pupils
      : classList.filter((enrollment) => onDate(enrollment, date) && eligible(enrollment.student)).map((enrollment) => enrollment.student);
  const offsets = new Map<number, number>();
  const abilityOf = (pupil: number): number => {
    if (!offsets.has(pupil)) offsets.set(pupil, new Random(mixSeed(plan.seed, 11, pupil, journal.subject)).normal(0, 0.3));
    return (plan.students[pupil] as PlannedStudent).ability + (offsets.get(pupil) as number);
  };

  const marks: PlannedMark[] = [];
  const attendance: PlannedAttendance[] = [];
  /** pupil → period → current marks; pupil → period → lessons where the pupil was present without a mark. */
  const given = new Map<string, PlannedMark[]>();
  const open = new Map<string, number[]>();
  const slot = (pupil: number, period: number | null): string => `${pupil}:${period ?? '-'}`;

  const addMark = (pupil: number, lessonIndex: number): void => {
    const lesson = plan.lessons[lessonIndex] as PlannedLesson;
    const value = drawMark(rng, scale, abilityOf(pupil), lesson.workType !== null && HARD_WORK.has(lesson.workType));
    const mark: PlannedMark = {
      student: pupil,
      journal: journalIndex,
      lesson: lessonIndex,
      period: lesson.period,
      kind: 'current',
      value,
      numericValue: numericOf(value),
      weight: lesson.workType === 'control-work' ? 2 : 1,
      workType: lesson.workType,
      date: lesson.date,
      setAt: clock(lesson.date, lessonEnd(lesson.number) + rng.int(0, 240)),
      setBy: teacher,
    };
    marks.push(mark);
    const bucket = given.get(slot(pupil, lesson.period)) ?? [];
    bucket.push(mark);
    given.set(slot(pupil, lesson.period), bucket);
  };

  for (let lessonIndex = first; lessonIndex < end; lessonIndex += 1) {
    const lesson = plan.lessons[lessonIndex] as PlannedLesson;
    if (lesson.date > plan.asOf) break;
    const rate = lesson.workType ? (MARK_RATE[lesson.workType] ?? REGULAR_RATE) : REGULAR_RATE;
    for (const pupil of membersOn(lesson.date)) {
      const wholeDay = plan.absences[pupil]?.[lesson.date];
      let kind: AbsenceStatus | null = wholeDay ?? null;
      if (!kind) {
        const roll = rng.next();
        if (roll < 0.006) kind = 'absent';
        else if (roll < (lesson.number === 1 ? 0.036 : 0.009)) kind = 'late';
      }
      if (kind) {
        attendance.push({
          student: pupil,
          lesson: lessonIndex,
          journal: journalIndex,
          kind,
          minutesLate: kind === 'late' ? rng.int(2, 20) : null,
          date: lesson.date,
          comment:
            kind === 'excused'
              ? new Random(mixSeed(plan.seed, 9, pupil)).pick(EXCUSES)
              : kind === 'ill' && rng.chance(0.5)
                ? 'Справка из поликлиники'
                : null,
          setAt: clock(lesson.date, lessonEnd(lesson.number) - 40 + rng.int(0, 30)),
          setBy: teacher,
        });
      }
      if (!journal.graded || (kind !== null && kind !== 'late')) continue;
      if (rng.chance(rate)) addMark(pupil, lessonIndex);
      else {
        const bucket = open.get(slot(pupil, lesson.period)) ?? [];
        bucket.push(lessonIndex);
        open.set(slot(pupil, lesson.period), bucket);
      }
    }
  }
  if (!journal.graded || journal.scheme === null) return { marks, attendance };

  // Enough marks for a period mark: teachers make sure everyone present has at least 2-3.
  const periods = plan.calendar.periods
    .map((period, index) => ({ period, index }))
    .filter(({ period }) => period.scheme === journal.scheme && period.endDate <= plan.asOf);
  const needed = journal.weeklyHours >= 2 ? 3 : 2;
  for (const { period, index } of periods) {
    for (const pupil of membersOn(period.endDate)) {
      const have = given.get(slot(pupil, index))?.length ?? 0;
      const free = rng.shuffle(open.get(slot(pupil, index)) ?? []);
      for (let k = 0; k < needed - have && k < free.length; k += 1) addMark(pupil, free[k] as number);
    }
  }
  marks.sort((a, b) => (a.lesson as number) - (b.lesson as number) || a.student - b.student);

  // Period marks for those on the list at the period's end; annual marks once the year is over.
  const periodValues = new Map<number, string[]>();
  for (const { period, index } of periods) {
    for (const pupil of membersOn(period.endDate)) {
      const value = periodMark(scale, given.get(slot(pupil, index)) ?? []);
      periodValues.set(pupil, [...(periodValues.get(pupil) ?? []), value]);
      marks.push({
        student: pupil,
        journal: journalIndex,
        lesson: null,
        period: index,
        kind: 'periodic',
        value,
        numericValue: numericOf(value),
        weight: 1,
        workType: null,
        date: period.endDate,
        setAt: clock(period.endDate, 15 * 60 + rng.int(0, 180)),
        setBy: teacher,
      });
    }
  }
  const lastPeriod = plan.calendar.periods.filter((period) => period.scheme === journal.scheme).at(-1);
  if (plan.state === 'closed' && lastPeriod) {
    for (const pupil of membersOn(lastPeriod.endDate)) {
      const value = annualMark(scale, periodValues.get(pupil) ?? []);
      marks.push({
        student: pupil,
        journal: journalIndex,
        lesson: null,
        period: null,
        kind: 'annual',
        value,
        numericValue: numericOf(value),
        weight: 1,
        workType: null,
        date: plan.calendar.endDate,
        setAt: clock(lastPeriod.endDate, 16 * 60 + rng.int(0, 120)),
        setBy: teacher,
      });
    }
  }
  return { marks, attendance };
};
