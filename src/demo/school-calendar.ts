/**
 * The calendar of a Russian school year: quarters (grades 1-9) and half-years (10-11) with the usual
 * holidays, public days off, and the extra February week of grade 1. For 2025/2026 the periods are
 * exactly those of tests/helpers/school-fixture.ts.
 */
import { DateTime } from 'luxon';
import { studyPeriodTitle } from '../school/rules/study-periods';

export type DemoScheme = 'quarter' | 'half-year';

export interface PlannedPeriod {
  scheme: DemoScheme;
  number: number;
  title: string;
  startDate: string;
  endDate: string;
}

export interface SchoolCalendar {
  title: string;
  startDate: string;
  endDate: string;
  /** The previous working day before the year starts: the date of the orders forming the classes. */
  ordersDate: string;
  periods: PlannedPeriod[];
  /** Days without lessons on weekdays inside periods: public holidays and their transfers. */
  publicHolidays: string[];
  /** Holidays between quarters; they also stop lessons of the half-year classes. */
  breaks: Array<{ start: string; end: string }>;
  /** The extra week of holidays for grade 1 in February. */
  firstGradeBreak: { start: string; end: string };
}

const iso = (date: DateTime): string => date.toISODate() as string;
const day = (year: number, month: number, dayOfMonth: number): DateTime => DateTime.utc(year, month, dayOfMonth);

/** The last date on or before `date` that falls on `weekday` (1 = Monday … 7 = Sunday). */
const onOrBefore = (date: DateTime, weekday: number): DateTime => date.minus({ days: (date.weekday - weekday + 7) % 7 });
/** The first date on or after `date` that falls on `weekday`. */
const onOrAfter = (date: DateTime, weekday: number): DateTime => date.plus({ days: (weekday - date.weekday + 7) % 7 });
const weekdayOrNextMonday = (date: DateTime): DateTime => (date.weekday >= 6 ? onOrAfter(date, 1) : date);

/** Parses «2025/2026» into its first year; throws on anything else. */
export const parseAcademicYearTitle = (title: string): number => {
  const match = /^(\d{4})\/(\d{4})$/.exec(title);
  if (!match || Number(match[2]) !== Number(match[1]) + 1) {
    throw new Error(`Учебный год пишется как «2025/2026», получено «${title}»`);
  }
  return Number(match[1]);
};

export const buildSchoolCalendar = (title: string): SchoolCalendar => {
  const first = parseAcademicYearTitle(title);
  const second = first + 1;
  const lessonsStart = weekdayOrNextMonday(day(first, 9, 1));
  const q1End = onOrBefore(day(first, 10, 26), 5);
  const q2Start = q1End.plus({ days: 12 });
  const q2End = onOrBefore(day(first, 12, 28), 7);
  const q3Start = onOrAfter(day(second, 1, 9), 1);
  const q3End = onOrBefore(day(second, 3, 21), 5);
  const q4Start = q3End.plus({ days: 10 });
  const q4End = day(second, 5, 26);
  const quarters: Array<[DateTime, DateTime]> = [
    [day(first, 9, 1), q1End],
    [q2Start, q2End],
    [q3Start, q3End],
    [q4Start, q4End],
  ];
  const periods: PlannedPeriod[] = [
    ...quarters.map(([start, end], index) => ({
      scheme: 'quarter' as const,
      number: index + 1,
      title: studyPeriodTitle('quarter', index + 1),
      startDate: iso(start),
      endDate: iso(end),
    })),
    ...[
      [day(first, 9, 1), q2End],
      [q3Start, q4End],
    ].map(([start, end], index) => ({
      scheme: 'half-year' as const,
      number: index + 1,
      title: studyPeriodTitle('half-year', index + 1),
      startDate: iso(start as DateTime),
      endDate: iso(end as DateTime),
    })),
  ];
  // Public days off that fall on school days; a holiday on a weekend moves to the next Monday.
  const publicHolidays = [day(first, 11, 4), day(second, 2, 23), day(second, 3, 8), day(second, 5, 1), day(second, 5, 9)].map((date) =>
    iso(weekdayOrNextMonday(date)),
  );
  const februaryBreakStart = onOrAfter(day(second, 2, 15), 1);
  return {
    title,
    startDate: iso(day(first, 9, 1)),
    endDate: iso(day(second, 8, 31)),
    ordersDate: iso(onOrBefore(lessonsStart.minus({ days: 1 }), 5)),
    periods,
    publicHolidays,
    breaks: [
      { start: iso(q1End.plus({ days: 1 })), end: iso(q2Start.minus({ days: 1 })) },
      { start: iso(q2End.plus({ days: 1 })), end: iso(q3Start.minus({ days: 1 })) },
      { start: iso(q3End.plus({ days: 1 })), end: iso(q4Start.minus({ days: 1 })) },
    ],
    firstGradeBreak: { start: iso(februaryBreakStart), end: iso(februaryBreakStart.plus({ days: 6 })) },
  };
};

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export const weekdayOf = (date: string): number => DateTime.fromISO(date, { zone: 'utc' }).weekday;

export const addDays = (date: string, days: number): string => iso(DateTime.fromISO(date, { zone: 'utc' }).plus({ days }));

/** Every date from start to end, inclusive. */
export const datesBetween = (start: string, end: string): string[] => {
  const dates: string[] = [];
  for (let date = start; date <= end; date = addDays(date, 1)) dates.push(date);
  return dates;
};

const inRange = (date: string, range: { start: string; end: string }): boolean => date >= range.start && date <= range.end;

/** The period of the scheme that contains the date, or null (holidays, summer). */
export const periodOn = (calendar: SchoolCalendar, scheme: DemoScheme, date: string): PlannedPeriod | null =>
  calendar.periods.find((period) => period.scheme === scheme && date >= period.startDate && date <= period.endDate) ?? null;

/** The school days (Mon–Fri with lessons) of a grade, in order, each with its study period. */
export const schoolDaysOfGrade = (
  calendar: SchoolCalendar,
  scheme: DemoScheme,
  grade: number,
): Array<{ date: string; weekday: number; period: PlannedPeriod }> => {
  const holidays = new Set(calendar.publicHolidays);
  const days: Array<{ date: string; weekday: number; period: PlannedPeriod }> = [];
  for (const period of calendar.periods.filter((candidate) => candidate.scheme === scheme)) {
    for (const date of datesBetween(period.startDate, period.endDate)) {
      const weekday = weekdayOf(date);
      if (weekday > 5 || holidays.has(date)) continue;
      if (calendar.breaks.some((range) => inRange(date, range))) continue;
      if (grade === 1 && inRange(date, calendar.firstGradeBreak)) continue;
      days.push({ date, weekday, period });
    }
  }
  return days;
};

/** A UTC instant for a local date and time in the school's time zone. */
export const localInstant = (date: string, minutesOfDay: number, timeZone: string): Date =>
  DateTime.fromISO(date, { zone: timeZone }).startOf('day').plus({ minutes: minutesOfDay }).toUTC().toJSDate();

/** «29.08.2025». */
export const russianDate = (date: string): string => DateTime.fromISO(date, { zone: 'utc' }).toFormat('dd.MM.yyyy');
