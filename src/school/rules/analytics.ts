/**
 * The measures of the analytics reports (средний балл, успеваемость, качество знаний, отличники и
 * хорошисты, pupils at risk, the forecast of a period mark), as pure functions over what the
 * database has already summed up. The service (`src/api/analytics/services/analytics.ts`) sums marks
 * in SQL per pupil × journal × period; everything here works on those few rows.
 *
 * Definitions (the README's «Analytics» section repeats them for the school):
 * - the **result** of a pupil in a subject for a period is the period mark when one is recorded,
 *   otherwise the expected mark: the weighted average of the current marks rounded half up
 *   (3.5 → 4); «осв» (exempt) is no result at all; a зачёт subject without a period mark has none;
 * - a **failing** result is 1, 2, «не зачтено» or «н/а»;
 * - **успеваемость** (success rate) of a group: the share of its pupils (with at least one result
 *   in the group) none of whose results is failing;
 * - **качество знаний** (quality rate): the share of those pupils whose results are all 4, 5 or
 *   «зачтено»;
 * - **средний балл** (average mark): the mean of the point results (1–5) of the group;
 * - the counts of 5, 4, 3 and 2 (with 1) are counts of results; the share of «н/а» is «н/а» results
 *   over all results.
 */

import { NOT_ASSESSED, NOT_PASSED, PASSED } from './mark-values';

/** Round half up to a whole mark, the usual school rule (3.5 → 4, 3.49 → 3). */
export const roundHalfUp = (value: number): number => Math.floor(Math.round(value * 1000) / 1000 + 0.5);

/** Rounded to two decimals (averages shown to people). */
export const round2 = (value: number): number => Math.round(value * 100) / 100;

/** A share as a percentage with one decimal, or null when there is nothing to divide. */
export const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** Weighted sum and total weight of some current marks. */
export interface WeightedSum {
  sum: number;
  weight: number;
  /** How many marks (the forecast reads a trend only from parts with enough of them). */
  count?: number;
}

export const averageOf = (...parts: WeightedSum[]): number | null => {
  const weight = parts.reduce((total, part) => total + part.weight, 0);
  const sum = parts.reduce((total, part) => total + part.sum, 0);
  return weight > 0 ? round2(sum / weight) : null;
};

export const isPointResult = (value: string): boolean => /^[1-5]$/.test(value);

export const isFailing = (value: string): boolean => value === '1' || value === '2' || value === NOT_PASSED || value === NOT_ASSESSED;

/** Results that are good enough for «качество знаний». */
export const isGood = (value: string): boolean => value === '4' || value === '5' || value === PASSED;

export type ResultSource = 'period-mark' | 'average';

export interface PeriodResult {
  value: string;
  source: ResultSource;
}

/** The period mark when there is one, else the rounded weighted average; «осв» and nothing else are no result. */
export const resultOf = (periodMark: string | null | undefined, average: number | null): PeriodResult | null => {
  if (periodMark) return periodMark === 'осв' ? null : { value: periodMark, source: 'period-mark' };
  if (average === null) return null;
  return { value: String(Math.min(5, Math.max(1, roundHalfUp(average)))), source: 'average' };
};

export interface GroupMeasures {
  /** Pupils with at least one result in the group. */
  pupils: number;
  results: number;
  averageMark: number | null;
  /** Успеваемость, %. */
  successRate: number | null;
  /** Качество знаний, %. */
  qualityRate: number | null;
  counts: { '5': number; '4': number; '3': number; '2': number; '1': number; passed: number; notPassed: number; notAssessed: number };
  /** Share of «н/а» among the results, %. */
  notAssessedShare: number | null;
}

export interface PupilResult {
  pupil: number | string;
  value: string;
}

/** The measures of a group of results (a class, a subject, a parallel, a teacher, the school). */
export const groupMeasures = (results: PupilResult[]): GroupMeasures => {
  const counts = { '5': 0, '4': 0, '3': 0, '2': 0, '1': 0, passed: 0, notPassed: 0, notAssessed: 0 };
  const failing = new Set<number | string>();
  const notGood = new Set<number | string>();
  const pupils = new Set<number | string>();
  let points = 0;
  let pointSum = 0;
  for (const { pupil, value } of results) {
    pupils.add(pupil);
    if (isPointResult(value)) {
      counts[value as '1' | '2' | '3' | '4' | '5'] += 1;
      points += 1;
      pointSum += Number(value);
    } else if (value === PASSED) counts.passed += 1;
    else if (value === NOT_PASSED) counts.notPassed += 1;
    else if (value === NOT_ASSESSED) counts.notAssessed += 1;
    if (isFailing(value)) failing.add(pupil);
    if (!isGood(value)) notGood.add(pupil);
  }
  return {
    pupils: pupils.size,
    results: results.length,
    averageMark: points === 0 ? null : round2(pointSum / points),
    successRate: percent(pupils.size - failing.size, pupils.size),
    qualityRate: percent(pupils.size - notGood.size, pupils.size),
    counts,
    notAssessedShare: percent(counts.notAssessed, results.length),
  };
};

export interface MeasuresChange {
  averageMark: number | null;
  successRate: number | null;
  qualityRate: number | null;
}

const difference = (now: number | null, before: number | null | undefined, digits: number): number | null =>
  now === null || before === null || before === undefined ? null : Math.round((now - before) * 10 ** digits) / 10 ** digits;

/** This period minus the previous one (null where either is missing). */
export const changeOf = (now: GroupMeasures, before: GroupMeasures | null): MeasuresChange => ({
  averageMark: difference(now.averageMark, before?.averageMark, 2),
  successRate: difference(now.successRate, before?.successRate, 1),
  qualityRate: difference(now.qualityRate, before?.qualityRate, 1),
});

/**
 * The standing of a pupil by all their results of a period (one category each):
 * excellent — only 5 (and «зачтено»); one-four — one 4, the rest 5; good — only 4 and 5 with more
 * 4s; one-three — one 3, the rest 4 and 5; satisfactory — passed otherwise; failing — a 1, 2,
 * «не зачтено» or «н/а». «Хорошисты» in the reports are one-four and good together. «One» is the
 * school's setting `analytics.leaderReserveMarks` (1 by default: the reserve of отличники and
 * хорошисты is pupils at most that many marks short).
 */
export type PupilCategory = 'excellent' | 'one-four' | 'good' | 'one-three' | 'satisfactory' | 'failing' | 'none';

export const pupilCategory = (values: string[], reserveMarks: number = DEFAULT_ANALYTICS_SETTINGS.leaderReserveMarks): PupilCategory => {
  const points = values.filter(isPointResult);
  if (values.some(isFailing)) return 'failing';
  if (points.length === 0) return 'none';
  const fours = points.filter((value) => value === '4').length;
  const threes = points.filter((value) => value === '3').length;
  if (threes === 0 && fours === 0) return 'excellent';
  if (threes === 0 && fours <= reserveMarks) return 'one-four';
  if (threes === 0) return 'good';
  if (threes <= reserveMarks) return 'one-three';
  return 'satisfactory';
};

/**
 * Where the marks of a period are split for the forecast: marks before `split` are the earlier
 * part, marks from `split` to before `cut` the later part, marks from `cut` on are not used by the
 * forecast. A finished period is cut at two thirds (the forecast is made as a teacher would see it
 * two thirds into the period) and split at one third; a running period is cut after today and split
 * half-way between its start and today.
 */
export const forecastBounds = (startDate: string, endDate: string, today: string): { split: string; cut: string } => {
  const day = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const start = day(startDate);
  const DAY = 86_400_000;
  if (today > endDate) {
    const length = day(endDate) - start + DAY;
    return { split: iso(start + Math.round(length / 3 / DAY) * DAY), cut: iso(start + Math.round((2 * length) / 3 / DAY) * DAY) };
  }
  const upTo = day(today) + DAY;
  return { split: iso(start + Math.round((upTo - start) / 2 / DAY) * DAY), cut: iso(upTo) };
};

/**
 * The thresholds and weights the analytics use, kept as the school setting `analytics`
 * (`src/school/settings.ts`, *Settings → Школа*); the defaults below are what the school gets
 * until it changes them.
 */
export type RiskReason = 'expected-fail' | 'not-assessed' | 'few-marks' | 'falling' | 'absences';
export const RISK_REASONS: readonly RiskReason[] = ['expected-fail', 'not-assessed', 'few-marks', 'falling', 'absences'];
/** Each reason as a school user reads it (the workbook, the trajectory's basis). */
export const RISK_LABELS: Record<RiskReason, string> = {
  'expected-fail': 'ожидается «2»',
  'not-assessed': 'н/а',
  'few-marks': 'мало отметок',
  falling: 'средний балл падает',
  absences: 'много пропусков',
};

export interface AnalyticsSettings {
  /** Fewer current marks than this in a subject: «н/а» is likely (at risk). */
  fewMarks: number;
  /** The subject's average fell by at least this much since the previous period (at risk). */
  fallingBy: number;
  /** Missed (absent, ill, excused) at least this share of the lessons, % (at risk). */
  absentShare: number;
  /** How much of the trend between the earlier and the later marks the forecast carries on. */
  trendFactor: number;
  /** The trend carried on is at most this many marks either way. */
  trendLimit: number;
  /** Each part needs this many marks before a trend is read from it. */
  trendMinMarks: number;
  /** «With one 4» / «with one 3»: at most this many 4s (3s) short of the better standing. */
  leaderReserveMarks: number;
  /** How much each reason weighs when the at-risk list is ordered (the sum of a pupil's reasons). */
  riskWeights: Record<RiskReason, number>;
}

/**
 * The defaults. The forecast's were chosen on the demo school (whose marks have no trend by
 * construction, so any trend costs accuracy there): a quarter of the trend, only when each part
 * has at least three marks, costs 0.3 points of exact forecasts against the plain average, while
 * half of it on every pair of marks cost 10 points. `forecastAccuracy` prints both on a school's
 * own finished periods, so the school can tune them.
 */
export const DEFAULT_ANALYTICS_SETTINGS: Readonly<AnalyticsSettings> = Object.freeze({
  fewMarks: 3,
  fallingBy: 0.5,
  absentShare: 30,
  trendFactor: 0.25,
  trendLimit: 1,
  trendMinMarks: 3,
  leaderReserveMarks: 1,
  riskWeights: Object.freeze({ 'expected-fail': 8, 'not-assessed': 8, absences: 4, falling: 2, 'few-marks': 1 }) as Record<
    RiskReason,
    number
  >,
});

/** The order weight of a pupil's reasons (a higher one comes first in the at-risk list). */
export const riskSeverity = (risks: RiskReason[], weights: Record<RiskReason, number> = DEFAULT_ANALYTICS_SETTINGS.riskWeights): number =>
  [...new Set(risks)].reduce((total, reason) => total + (weights[reason] ?? 0), 0);

export interface Forecast {
  /** The likely period mark, 2–5 (1 where the subject has it). */
  value: number;
  /** The weighted average of the marks the forecast is made from. */
  average: number;
  /** Later average minus earlier average (null when a part has fewer than `trendMinMarks` marks). */
  trend: number | null;
}

/**
 * The forecast of the period mark: the weighted average of the marks so far, moved by a share of
 * its trend (the later part's average minus the earlier part's; by default a quarter of it, at
 * most ±1, read only when each part has three marks or more), rounded half up, never below the
 * scale's lowest mark.
 */
export const forecastMark = (
  earlier: WeightedSum,
  later: WeightedSum,
  lowest = 2,
  settings: Pick<AnalyticsSettings, 'trendFactor' | 'trendLimit' | 'trendMinMarks'> = DEFAULT_ANALYTICS_SETTINGS,
): Forecast | null => {
  const average = averageOf(earlier, later);
  if (average === null) return null;
  const before = averageOf(earlier);
  const after = averageOf(later);
  const enough = (part: WeightedSum) => (part.count ?? 0) >= settings.trendMinMarks;
  const trend = before === null || after === null || !enough(earlier) || !enough(later) ? null : round2(after - before);
  const moved = average + settings.trendFactor * Math.max(-settings.trendLimit, Math.min(settings.trendLimit, trend ?? 0));
  return { value: Math.min(5, Math.max(lowest, roundHalfUp(moved))), average, trend };
};

export interface AccuracyPair {
  forecast: number;
  actual: number;
}

export interface Accuracy {
  pairs: number;
  /** Forecasts equal to the period mark, %. */
  exact: number | null;
  /** Forecasts at most one mark away, %. */
  withinOne: number | null;
  meanAbsoluteError: number | null;
}

export const accuracyOf = (pairs: AccuracyPair[]): Accuracy => {
  const exact = pairs.filter((pair) => pair.forecast === pair.actual).length;
  const withinOne = pairs.filter((pair) => Math.abs(pair.forecast - pair.actual) <= 1).length;
  const error = pairs.reduce((total, pair) => total + Math.abs(pair.forecast - pair.actual), 0);
  return {
    pairs: pairs.length,
    exact: percent(exact, pairs.length),
    withinOne: percent(withinOne, pairs.length),
    meanAbsoluteError: pairs.length === 0 ? null : Math.round((error / pairs.length) * 1000) / 1000,
  };
};

export interface SubjectStanding {
  result: PeriodResult | null;
  forecast: Forecast | null;
  average: number | null;
  previousAverage: number | null;
  /** Current point marks in the period. */
  marks: number;
  /** Pass-fail subjects get no point marks: «few marks» does not apply. */
  pointScale: boolean;
}

/** Why a pupil's subject needs attention this period (empty when it does not). */
export const subjectRisks = (
  standing: SubjectStanding,
  thresholds: Pick<AnalyticsSettings, 'fewMarks' | 'fallingBy'> = DEFAULT_ANALYTICS_SETTINGS,
): RiskReason[] => {
  const reasons: RiskReason[] = [];
  const value = standing.result?.value;
  if (value === NOT_ASSESSED) reasons.push('not-assessed');
  else if ((value && isFailing(value)) || (standing.forecast && standing.forecast.value <= 2)) reasons.push('expected-fail');
  if (standing.pointScale && standing.result?.source !== 'period-mark' && standing.marks < thresholds.fewMarks) reasons.push('few-marks');
  if (
    standing.average !== null &&
    standing.previousAverage !== null &&
    round2(standing.previousAverage - standing.average) >= thresholds.fallingBy
  )
    reasons.push('falling');
  return reasons;
};

export const absenceRisk = (missed: number, lessons: number, absentShare: number = DEFAULT_ANALYTICS_SETTINGS.absentShare): boolean =>
  lessons > 0 && (missed / lessons) * 100 >= absentShare;
