/**
 * The weighted average of a pupil's marks in a period (средневзвешенный балл): each point mark counts
 * with its weight (a control work may weigh 2); зачёт, н/а and осв do not count.
 */
export interface WeightedMark {
  numericValue: number | null;
  weight?: number | string | null;
}

/** Rounded to two decimals; null when there is no point mark to average. */
export const weightedAverage = (marks: WeightedMark[]): number | null => {
  let total = 0;
  let weights = 0;
  for (const mark of marks) {
    if (mark.numericValue === null || mark.numericValue === undefined) continue;
    const weight = Number(mark.weight ?? 1) || 1;
    total += mark.numericValue * weight;
    weights += weight;
  }
  return weights === 0 ? null : Math.round((total / weights) * 100) / 100;
};

/** Monday of the week that contains the local date (ISO weeks: school weeks start on Monday). */
export const weekStartOf = (date: string): string => {
  const [year, month, day] = date.split('-').map(Number);
  const utc = new Date(Date.UTC(year, month - 1, day));
  const shift = (utc.getUTCDay() + 6) % 7;
  utc.setUTCDate(utc.getUTCDate() - shift);
  return utc.toISOString().slice(0, 10);
};
