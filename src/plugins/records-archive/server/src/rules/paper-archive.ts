import { DateTime } from 'luxon';
import type { PeriodKind } from './retention';

/**
 * Pure rules of the paper archive (seed 003 §6.2: the list of files sets the periods of paper
 * carriers; seed 004 §3.11: integrity of paper archives checked for the whole period): how a
 * period reads in the list of files, when the next inventory check is due, what a signed check
 * does to the carriers it found missing.
 */

export type CarrierState = 'in-storage' | 'handed-over' | 'destroyed' | 'missing';
export type Finding = 'present' | 'missing' | 'damaged';

export const CARRIER_STATE_LABELS: Record<CarrierState, string> = {
  'in-storage': 'на хранении',
  'handed-over': 'передано',
  destroyed: 'уничтожено',
  missing: 'отсутствует',
};

export const FINDING_LABELS: Record<Finding, string> = {
  present: 'в наличии',
  missing: 'отсутствует',
  damaged: 'повреждено',
};

export const CARRIER_LABELS: Record<'paper' | 'electronic' | 'both', string> = {
  paper: 'бумажный',
  electronic: 'электронный',
  both: 'бумажный и электронный',
};

/** 1 год, 2 года, 5 лет, 21 год. */
export const yearsText = (years: number): string => {
  const last = years % 10;
  const lastTwo = years % 100;
  if (last === 1 && lastTwo !== 11) return `${years} год`;
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return `${years} года`;
  return `${years} лет`;
};

const monthsText = (months: number): string => {
  const last = months % 10;
  if (last === 1 && months !== 11) return `${months} месяц`;
  if (last >= 2 && last <= 4 && (months < 12 || months > 14)) return `${months} месяца`;
  return `${months} месяцев`;
};

export interface NomenclatureRule {
  recordType: string;
  title: string;
  periodKind: PeriodKind;
  periodYears?: number | null;
  periodMonths?: number | null;
  actionAtExpiry?: string | null;
  expertReviewRequired?: boolean | null;
  legalBasis: string;
  caseIndex?: string | null;
  carrier?: 'paper' | 'electronic' | 'both' | null;
  storagePlace?: string | null;
  nomenclatureNote?: string | null;
}

/** The period as the list of files writes it: «5 лет», «Постоянно», «До выбытия обучающегося». */
export const periodText = (
  rule: Pick<NomenclatureRule, 'periodKind' | 'periodYears' | 'periodMonths' | 'expertReviewRequired'>,
): string => {
  if (rule.periodKind === 'permanent') return 'Постоянно';
  if (rule.periodKind === 'while-studying') return 'На период обучения';
  if (rule.periodKind === 'not-archived') return 'Не хранится в архиве';
  const parts = [rule.periodYears ? yearsText(rule.periodYears) : '', rule.periodMonths ? monthsText(rule.periodMonths) : ''].filter(
    Boolean,
  );
  return `${parts.join(' ') || '—'}${rule.expertReviewRequired ? ', ЭПК' : ''}`;
};

/** Compares case indexes «02-5» < «02-10» < «03-01»; a rule without an index goes last. */
export const compareCaseIndex = (a: string | null | undefined, b: string | null | undefined): number => {
  if (!a && !b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a.localeCompare(b, 'ru', { numeric: true });
};

export interface NomenclatureRow {
  caseIndex: string;
  title: string;
  units: number;
  period: string;
  legalBasis: string;
  note: string;
}

/**
 * The rows of the list of files: every rule but what is not archived, by case index, with the
 * number of units the school holds for the year (`units[recordType]`) and a note (carrier, place,
 * the school's own note).
 */
export const nomenclatureRows = (rules: NomenclatureRule[], units: Record<string, number>): NomenclatureRow[] =>
  rules
    .filter((rule) => rule.periodKind !== 'not-archived')
    .sort((a, b) => compareCaseIndex(a.caseIndex, b.caseIndex) || a.title.localeCompare(b.title, 'ru'))
    .map((rule) => ({
      caseIndex: rule.caseIndex?.trim() || '—',
      title: rule.title,
      units: units[rule.recordType] ?? 0,
      period: periodText(rule),
      legalBasis: rule.legalBasis,
      note: [
        rule.carrier ? `Носитель: ${CARRIER_LABELS[rule.carrier]}` : '',
        rule.storagePlace ? `Место хранения: ${rule.storagePlace}` : '',
        rule.nomenclatureNote ?? '',
      ]
        .filter(Boolean)
        .join('. '),
    }));

export interface CheckSchedule {
  intervalMonths: number;
  lastSignedOn: string | null;
  /** The day the next check is due: the last signed check + the interval; today when there was none. */
  nextDueOn: string;
  overdue: boolean;
}

/** When the next inventory check is due, and whether it is overdue on `today` (local dates). */
export const checkSchedule = (lastSignedOn: string | null, intervalMonths: number, today: string): CheckSchedule => {
  const nextDueOn = lastSignedOn
    ? (DateTime.fromISO(lastSignedOn, { zone: 'utc' }).plus({ months: intervalMonths }).toISODate() as string)
    : today;
  return { intervalMonths, lastSignedOn, nextDueOn, overdue: lastSignedOn === null || nextDueOn < today };
};

/** «2025/2026»: a school year written as the academic years are titled. */
export const SCHOOL_YEAR = /^(\d{4})\/(\d{4})$/;

export const isSchoolYear = (value: string): boolean => {
  const match = SCHOOL_YEAR.exec(value);
  return Boolean(match) && Number(match?.[2]) === Number(match?.[1]) + 1;
};

export interface CheckRow {
  carrierId: number;
  documentId: string;
  title: string;
  caseIndex: string | null;
  storagePlace: string | null;
  stateBefore: CarrierState;
  finding: Finding | null;
  note: string | null;
}

/** Problems that block signing: rows without a finding. */
export const unfilledRows = (rows: CheckRow[]): number[] => rows.flatMap((row, index) => (row.finding ? [] : [index]));

/**
 * The carriers whose state a signed check changes: found missing → «missing»; a carrier that was
 * missing and is found again (present or damaged) → back «in-storage».
 */
export const stateChanges = (rows: CheckRow[]): Array<{ carrierId: number; state: CarrierState }> =>
  rows.flatMap((row): Array<{ carrierId: number; state: CarrierState }> => {
    if (row.finding === 'missing' && row.stateBefore !== 'missing') return [{ carrierId: row.carrierId, state: 'missing' }];
    if (row.finding && row.finding !== 'missing' && row.stateBefore === 'missing')
      return [{ carrierId: row.carrierId, state: 'in-storage' }];
    return [];
  });
