import { percent } from './analytics';

/**
 * The analysis of a control work (анализ контрольной работы, R91/R98): the distribution of its
 * marks, успеваемость and качество among the pupils who wrote it, the gap to the school's planned
 * result, and each pupil's level of mastery from the mark.
 *
 * - **успеваемость**: the share of the pupils who wrote the work with a 3, 4 or 5;
 * - **качество**: the share of them with a 4 or 5;
 * - **уровень освоения** from the mark: 5 высокий, 4 повышенный, 3 базовый, 2 (or 1) недостаточный.
 */

export type MasteryLevel = 'high' | 'advanced' | 'basic' | 'insufficient';
export const MASTERY_LEVELS: readonly MasteryLevel[] = ['high', 'advanced', 'basic', 'insufficient'];
export const MASTERY_LABELS: Readonly<Record<MasteryLevel, string>> = Object.freeze({
  high: 'высокий',
  advanced: 'повышенный',
  basic: 'базовый',
  insufficient: 'недостаточный',
});

/** The level of mastery a point mark shows; null for a mark that is not a point (зачёт, н/а, осв). */
export const masteryLevel = (mark: string): MasteryLevel | null => {
  switch (mark.trim()) {
    case '5':
      return 'high';
    case '4':
      return 'advanced';
    case '3':
      return 'basic';
    case '2':
    case '1':
      return 'insufficient';
    default:
      return null;
  }
};

export interface ControlWorkMeasures {
  /** Pupils with a point mark for the work. */
  written: number;
  counts: { '5': number; '4': number; '3': number; '2': number; '1': number };
  successRate: number | null;
  qualityRate: number | null;
  levels: Record<MasteryLevel, number>;
}

/** The measures of one control work from the point marks given on it (one per pupil; other marks are ignored). */
export const controlWorkMeasures = (marks: readonly string[]): ControlWorkMeasures => {
  const counts = { '5': 0, '4': 0, '3': 0, '2': 0, '1': 0 };
  const levels: Record<MasteryLevel, number> = { high: 0, advanced: 0, basic: 0, insufficient: 0 };
  for (const mark of marks) {
    const level = masteryLevel(mark);
    if (!level) continue;
    counts[mark.trim() as keyof typeof counts] += 1;
    levels[level] += 1;
  }
  const written = counts['5'] + counts['4'] + counts['3'] + counts['2'] + counts['1'];
  return {
    written,
    counts,
    successRate: percent(counts['5'] + counts['4'] + counts['3'], written),
    qualityRate: percent(counts['5'] + counts['4'], written),
    levels,
  };
};

/** Actual − planned, in percentage points to one decimal; null when either is unknown. */
export const rateGap = (actual: number | null, planned: number | null | undefined): number | null =>
  actual === null || planned === null || planned === undefined ? null : Math.round((actual - Number(planned)) * 10) / 10;

/**
 * The level of mastery from the points of a control work against its thresholds (seed 002 §1.4, 004
 * §1.3: планируемые результаты базового и повышенного уровня): fewer points than the basic threshold
 * is «ниже базового», from it «базовый», from the advanced threshold «повышенный».
 */
export type PointsLevel = 'below-basic' | 'basic' | 'advanced';
export const POINTS_LEVELS: readonly PointsLevel[] = ['below-basic', 'basic', 'advanced'];
export const POINTS_LEVEL_LABELS: Readonly<Record<PointsLevel, string>> = Object.freeze({
  'below-basic': 'ниже базового',
  basic: 'базовый',
  advanced: 'повышенный',
});

export interface PointsThresholds {
  /** The fewest points of the basic level. */
  basicFrom: number;
  /** The fewest points of the advanced level (above `basicFrom`). */
  advancedFrom: number;
}

/** The level the points reach; null without points or thresholds. */
export const levelFromPoints = (points: number | null | undefined, thresholds: PointsThresholds | null): PointsLevel | null => {
  if (points === null || points === undefined || !Number.isFinite(points) || !thresholds) return null;
  if (points >= thresholds.advancedFrom) return 'advanced';
  if (points >= thresholds.basicFrom) return 'basic';
  return 'below-basic';
};

/** The fields of a control work lesson that make its points scale: the maximum and the two thresholds. */
export const POINTS_SCALE_FIELDS = ['maxPoints', 'basicFromPoints', 'advancedFromPoints'] as const;

/**
 * What is wrong with a control work's points and thresholds, field by field (empty when they hold):
 * thresholds need the maximum, both are given together, 1 ≤ basic < advanced ≤ maximum.
 */
export const pointsScaleErrors = (scale: {
  maxPoints: number | null;
  basicFromPoints: number | null;
  advancedFromPoints: number | null;
}): Array<{ field: 'maxPoints' | 'basicFromPoints' | 'advancedFromPoints'; message: string }> => {
  const { maxPoints, basicFromPoints: basic, advancedFromPoints: advanced } = scale;
  const errors: Array<{ field: 'maxPoints' | 'basicFromPoints' | 'advancedFromPoints'; message: string }> = [];
  const whole = (value: number | null) => value === null || (Number.isInteger(value) && value >= 1 && value <= 1000);
  if (!whole(maxPoints)) errors.push({ field: 'maxPoints', message: 'Максимальный балл — целое число от 1 до 1000' });
  if (!whole(basic)) errors.push({ field: 'basicFromPoints', message: 'Порог базового уровня — целое число баллов от 1' });
  if (!whole(advanced)) errors.push({ field: 'advancedFromPoints', message: 'Порог повышенного уровня — целое число баллов от 1' });
  if (errors.length > 0) return errors;
  if ((basic === null) !== (advanced === null)) {
    errors.push({
      field: basic === null ? 'basicFromPoints' : 'advancedFromPoints',
      message: 'Пороги базового и повышенного уровней указываются вместе',
    });
  } else if (basic !== null && advanced !== null) {
    if (maxPoints === null) errors.push({ field: 'maxPoints', message: 'Для порогов уровней укажите максимальный балл работы' });
    else if (advanced > maxPoints)
      errors.push({ field: 'advancedFromPoints', message: `Порог повышенного уровня не больше максимального балла (${maxPoints})` });
    if (basic >= advanced) errors.push({ field: 'basicFromPoints', message: 'Порог базового уровня меньше порога повышенного' });
  }
  return errors;
};

/** The thresholds stored on a control-work lesson, or null when it has none. */
export const thresholdsOf = (lesson: Record<string, unknown>): PointsThresholds | null =>
  lesson.basicFromPoints === null ||
  lesson.basicFromPoints === undefined ||
  lesson.advancedFromPoints === null ||
  lesson.advancedFromPoints === undefined
    ? null
    : { basicFrom: Number(lesson.basicFromPoints), advancedFrom: Number(lesson.advancedFromPoints) };
