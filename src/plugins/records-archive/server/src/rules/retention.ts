import { DateTime } from 'luxon';

/**
 * When a record may be disposed of. By the rules of archival practice a period runs from 1 January
 * of the year after the file was closed (the pupil left, the book was finished, the exam was held),
 * unless the school's rule says to count from the day itself.
 */

export type PeriodKind = 'fixed' | 'permanent' | 'while-studying' | 'not-archived';

export interface RetentionPeriod {
  periodKind: PeriodKind;
  periodYears?: number | null;
  periodMonths?: number | null;
  fromNextJanuary: boolean;
}

export type RetentionExpiry =
  | { kind: 'date'; startsOn: string; expiresOn: string }
  | { kind: 'permanent' }
  | { kind: 'while-studying' }
  | { kind: 'not-archived' };

/** `closedOn` is the local date (YYYY-MM-DD) of the event the period counts from. */
export const retentionExpiry = (rule: RetentionPeriod, closedOn: string): RetentionExpiry => {
  if (rule.periodKind !== 'fixed') return { kind: rule.periodKind };
  const closed = DateTime.fromISO(closedOn, { zone: 'utc' });
  if (!closed.isValid) throw new Error(`Invalid date the retention period counts from: ${closedOn}`);
  const start = rule.fromNextJanuary ? DateTime.utc(closed.year + 1, 1, 1) : closed;
  const expires = start.plus({ years: rule.periodYears ?? 0, months: rule.periodMonths ?? 0 });
  return { kind: 'date', startsOn: start.toISODate() as string, expiresOn: expires.toISODate() as string };
};
