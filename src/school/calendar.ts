import { DateTime } from 'luxon';

/** A calendar date of the school's time zone, as stored by Strapi's `date` type: `YYYY-MM-DD`. */
export type LocalDate = string;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses `YYYY-MM-DD` strictly (real calendar day); returns null for anything else. */
export const parseLocalDate = (value: unknown): LocalDate | null => {
  if (typeof value !== 'string' || !LOCAL_DATE.test(value)) return null;
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  return parsed.isValid ? value : null;
};

/** Today's date in the school's time zone (not the server's). */
export const todayInZone = (timeZone: string, now: Date = new Date()): LocalDate =>
  DateTime.fromJSDate(now).setZone(timeZone).toISODate() as LocalDate;

/** Inclusive range check on local dates; ISO dates compare correctly as strings. */
export const isWithin = (date: LocalDate, start: LocalDate, end: LocalDate): boolean => date >= start && date <= end;

/** Whether two inclusive ranges share at least one day; an open end (null) runs forever. */
export const rangesOverlap = (a: { start: LocalDate; end: LocalDate | null }, b: { start: LocalDate; end: LocalDate | null }): boolean =>
  (a.end === null || b.start <= a.end) && (b.end === null || a.start <= b.end);

/** Russian display form of a local date: «01.09.2025». */
export const formatLocalDate = (date: LocalDate): string => DateTime.fromISO(date, { zone: 'utc' }).toFormat('dd.MM.yyyy');
