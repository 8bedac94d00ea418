import {
  controlWorkMeasures,
  levelFromPoints,
  masteryLevel,
  POINTS_LEVELS,
  thresholdsOf,
  type PointsLevel,
  type PointsThresholds,
} from './control-work';

/**
 * The bank of test materials (КИМ, R98): a КИМ's tasks against its maximum, and the results of the
 * control works that used one КИМ, class by class and over all of them.
 */

export type TaskLevel = 'basic' | 'advanced';
export const TASK_LEVEL_LABELS: Readonly<Record<TaskLevel, string>> = Object.freeze({ basic: 'базовый', advanced: 'повышенный' });

/** The points of all the tasks together. */
export const tasksTotal = (tasks: ReadonlyArray<{ maxPoints: number }>): number => tasks.reduce((sum, task) => sum + task.maxPoints, 0);

/**
 * The maximum a КИМ with tasks carries: the sum of the tasks' maxima. Null when it holds (or there
 * are no tasks), else the message naming the sum.
 */
export const maxPointsMismatch = (tasks: ReadonlyArray<{ maxPoints: number }>, maxPoints: number | null): string | null => {
  if (tasks.length === 0) return null;
  const total = tasksTotal(tasks);
  if (maxPoints === null) return `Укажите максимальный балл работы: сумма баллов заданий ${total}`;
  return maxPoints === total ? null : `Максимальный балл работы (${maxPoints}) не равен сумме максимальных баллов заданий (${total})`;
};

/** One class's writing of a КИМ: each pupil's mark with points (if given), the absent, the thresholds that apply. */
export interface MaterialWork {
  marks: ReadonlyArray<{ mark: string; points: number | null }>;
  absent: number;
  thresholds: PointsThresholds | null;
}

export interface MaterialMeasures {
  /** Pupils with a point mark for the work. */
  written: number;
  absent: number;
  successRate: number | null;
  qualityRate: number | null;
  /** Pupils who wrote it with points given. */
  withPoints: number;
  /** The average of the points given, to one decimal; null when none. */
  averagePoints: number | null;
  /** Pupils per level their points reach (only works with thresholds count). */
  levels: Record<PointsLevel, number>;
}

const emptyLevels = (): Record<PointsLevel, number> =>
  Object.fromEntries(POINTS_LEVELS.map((level) => [level, 0])) as Record<PointsLevel, number>;

const measuresOf = (
  marks: ReadonlyArray<{ mark: string; points: number | null }>,
  absent: number,
  levels: Record<PointsLevel, number>,
): MaterialMeasures => {
  const measures = controlWorkMeasures(marks.map((each) => each.mark));
  const points = marks.filter((each) => masteryLevel(each.mark) !== null && each.points !== null).map((each) => Number(each.points));
  const sum = points.reduce((total, each) => total + each, 0);
  return {
    written: measures.written,
    absent,
    successRate: measures.successRate,
    qualityRate: measures.qualityRate,
    withPoints: points.length,
    averagePoints: points.length === 0 ? null : Math.round((sum / points.length) * 10) / 10,
    levels,
  };
};

/** The measures of one class's work: успеваемость and качество among those who wrote it, the average points, the count per level. */
export const materialWorkMeasures = (work: MaterialWork): MaterialMeasures => {
  const levels = emptyLevels();
  for (const { mark, points } of work.marks) {
    if (masteryLevel(mark) === null) continue;
    const level = levelFromPoints(points, work.thresholds);
    if (level) levels[level] += 1;
  }
  return measuresOf(work.marks, work.absent, levels);
};

/**
 * The results of one КИМ: each class's measures and the total over all of them — the rates and the
 * average over every pupil who wrote it (not the average of the classes' rates), the counts summed.
 */
export const materialResults = (works: readonly MaterialWork[]): { works: MaterialMeasures[]; total: MaterialMeasures } => {
  const each = works.map(materialWorkMeasures);
  const levels = emptyLevels();
  for (const measures of each) for (const level of POINTS_LEVELS) levels[level] += measures.levels[level];
  const total = measuresOf(
    works.flatMap((work) => work.marks),
    works.reduce((sum, work) => sum + work.absent, 0),
    levels,
  );
  return { works: each, total };
};

const wholeOrNull = (value: unknown): number | null =>
  value === null || value === undefined || value === '' || !Number.isFinite(Number(value)) ? null : Number(value);

/**
 * The points scale a control work is marked on: its own maximum and thresholds; when it names a КИМ
 * and leaves them empty, the КИМ's — its thresholds only where the maximum is the КИМ's too.
 */
export const pointsScaleOf = (
  lesson: Record<string, unknown>,
  material: Record<string, unknown> | null | undefined,
): { maxPoints: number | null; thresholds: PointsThresholds | null } => {
  const own = wholeOrNull(lesson.maxPoints);
  const materialMax = material ? wholeOrNull(material.maxPoints) : null;
  const maxPoints = own ?? materialMax;
  const thresholds = thresholdsOf(lesson) ?? (material && (own === null || own === materialMax) ? thresholdsOf(material) : null);
  return { maxPoints, thresholds };
};
