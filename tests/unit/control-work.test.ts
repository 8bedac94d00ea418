import {
  controlWorkMeasures,
  levelFromPoints,
  masteryLevel,
  pointsScaleErrors,
  rateGap,
  thresholdsOf,
} from '../../src/school/rules/control-work';

describe('the level of mastery from a control work mark', () => {
  it('reads 5 as высокий, 4 as повышенный, 3 as базовый and 2 or 1 as недостаточный', () => {
    expect(['5', '4', '3', '2', '1'].map(masteryLevel)).toEqual(['high', 'advanced', 'basic', 'insufficient', 'insufficient']);
  });

  it('gives no level for a mark that is not a point', () => {
    expect(['зачтено', 'н/а', 'осв', ''].map(masteryLevel)).toEqual([null, null, null, null]);
  });
});

describe('the measures of a control work', () => {
  it('counts the marks, успеваемость and качество among the pupils who wrote it', () => {
    // 7 wrote: 5, 5, 4, 3, 3, 2, 1 → успеваемость 5/7 = 71.4 %, качество 3/7 = 42.9 %.
    expect(controlWorkMeasures(['5', '5', '4', '3', '3', '2', '1', 'зачтено'])).toEqual({
      written: 7,
      counts: { '5': 2, '4': 1, '3': 2, '2': 1, '1': 1 },
      successRate: 71.4,
      qualityRate: 42.9,
      levels: { high: 2, advanced: 1, basic: 2, insufficient: 2 },
    });
  });

  it('has no rates when nobody wrote the work', () => {
    expect(controlWorkMeasures([])).toMatchObject({ written: 0, successRate: null, qualityRate: null });
  });

  it('takes the gap as actual minus planned, to one decimal, and none without a plan', () => {
    expect(rateGap(71.4, 80)).toBe(-8.6);
    expect(rateGap(100, 90)).toBe(10);
    expect(rateGap(71.4, null)).toBeNull();
    expect(rateGap(null, 80)).toBeNull();
  });
});

describe('the level of mastery by points against the thresholds', () => {
  const thresholds = { basicFrom: 8, advancedFrom: 15 };
  it('is below basic under the basic threshold, basic from it, advanced from the advanced threshold', () => {
    expect(levelFromPoints(0, thresholds)).toBe('below-basic');
    expect(levelFromPoints(7.5, thresholds)).toBe('below-basic');
    expect(levelFromPoints(8, thresholds)).toBe('basic');
    expect(levelFromPoints(14.5, thresholds)).toBe('basic');
    expect(levelFromPoints(15, thresholds)).toBe('advanced');
    expect(levelFromPoints(20, thresholds)).toBe('advanced');
  });

  it('is unknown without points or without thresholds', () => {
    expect(levelFromPoints(null, thresholds)).toBeNull();
    expect(levelFromPoints(12, null)).toBeNull();
    expect(thresholdsOf({ basicFromPoints: 8, advancedFromPoints: null })).toBeNull();
    expect(thresholdsOf({ basicFromPoints: 8, advancedFromPoints: '15' })).toEqual(thresholds);
  });

  it('checks the maximum and the thresholds field by field', () => {
    const check = (maxPoints: number | null, basicFromPoints: number | null, advancedFromPoints: number | null) =>
      pointsScaleErrors({ maxPoints, basicFromPoints, advancedFromPoints }).map((error) => error.field);
    expect(check(20, 8, 15)).toEqual([]);
    expect(check(20, null, null)).toEqual([]);
    expect(check(null, null, null)).toEqual([]);
    expect(check(null, 8, 15)).toEqual(['maxPoints']);
    expect(check(20, 8, null)).toEqual(['advancedFromPoints']);
    expect(check(20, null, 15)).toEqual(['basicFromPoints']);
    expect(check(20, 15, 15)).toEqual(['basicFromPoints']);
    expect(check(20, 8, 21)).toEqual(['advancedFromPoints']);
    expect(check(0, null, null)).toEqual(['maxPoints']);
    expect(check(20, 1.5, 15)).toEqual(['basicFromPoints']);
  });
});
