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
