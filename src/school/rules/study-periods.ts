import type { PeriodScheme, PeriodSchemeRange } from '../settings';

export const PERIODS_IN_SCHEME: Record<PeriodScheme, number> = {
  quarter: 4,
  trimester: 3,
  'half-year': 2,
};

export const SCHEME_TITLE: Record<PeriodScheme, string> = {
  quarter: 'четверть',
  trimester: 'триместр',
  'half-year': 'полугодие',
};

/** «2 четверть», «1 полугодие». */
export const studyPeriodTitle = (scheme: PeriodScheme, number: number): string => `${number} ${SCHEME_TITLE[scheme]}`;

/** The period scheme the school uses for a grade, or null when the settings leave the grade out. */
export const schemeForGrade = (grade: number, ranges: PeriodSchemeRange[]): PeriodScheme | null =>
  ranges.find((range) => grade >= range.fromGrade && grade <= range.toGrade)?.scheme ?? null;
