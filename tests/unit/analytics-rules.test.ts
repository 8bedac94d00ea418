import {
  accuracyOf,
  changeOf,
  forecastBounds,
  forecastMark,
  groupMeasures,
  pupilCategory,
  resultOf,
  riskSeverity,
  roundHalfUp,
  subjectRisks,
} from '../../src/school/rules/analytics';

describe('roundHalfUp and resultOf', () => {
  it('rounds half up as schools do', () => {
    expect([3.5, 3.49, 4.5, 2.5, 3.67].map(roundHalfUp)).toEqual([4, 3, 5, 3, 4]);
  });

  it('prefers the period mark, leaves осв out, falls back to the rounded average', () => {
    expect(resultOf('5', 3.2)).toEqual({ value: '5', source: 'period-mark' });
    expect(resultOf('н/а', null)).toEqual({ value: 'н/а', source: 'period-mark' });
    expect(resultOf('осв', 4)).toBeNull();
    expect(resultOf(null, 3.5)).toEqual({ value: '4', source: 'average' });
    expect(resultOf(null, null)).toBeNull();
  });
});

describe('groupMeasures', () => {
  // Four pupils: A 5, 5, зачтено; B 4, 3; C 2, 5; D н/а.
  const results = [
    { pupil: 'A', value: '5' },
    { pupil: 'A', value: '5' },
    { pupil: 'A', value: 'зачтено' },
    { pupil: 'B', value: '4' },
    { pupil: 'B', value: '3' },
    { pupil: 'C', value: '2' },
    { pupil: 'C', value: '5' },
    { pupil: 'D', value: 'н/а' },
  ];

  it('counts pupils without a 2 or н/а (успеваемость) and with only 4, 5 and зачёт (качество)', () => {
    const measures = groupMeasures(results);
    expect(measures.pupils).toBe(4);
    expect(measures.results).toBe(8);
    // (5 + 5 + 4 + 3 + 2 + 5) / 6 = 4
    expect(measures.averageMark).toBe(4);
    // A and B pass: 2 of 4
    expect(measures.successRate).toBe(50);
    // only A: 1 of 4
    expect(measures.qualityRate).toBe(25);
    expect(measures.counts).toEqual({ '5': 3, '4': 1, '3': 1, '2': 1, '1': 0, passed: 1, notPassed: 0, notAssessed: 1 });
    // 1 н/а of 8 results
    expect(measures.notAssessedShare).toBe(12.5);
  });

  it('gives no rates for an empty group and the change since the previous period', () => {
    const empty = groupMeasures([]);
    expect(empty).toMatchObject({ pupils: 0, averageMark: null, successRate: null, qualityRate: null, notAssessedShare: null });
    const before = groupMeasures([{ pupil: 'A', value: '3' }]);
    expect(changeOf(groupMeasures(results), before)).toEqual({ averageMark: 1, successRate: -50, qualityRate: 25 });
    expect(changeOf(before, null)).toEqual({ averageMark: null, successRate: null, qualityRate: null });
  });
});

describe('pupilCategory', () => {
  it('names отличники, one 4, хорошисты, one 3, the rest and failing', () => {
    expect(pupilCategory(['5', '5', 'зачтено'])).toBe('excellent');
    expect(pupilCategory(['5', '4', '5'])).toBe('one-four');
    expect(pupilCategory(['4', '4', '5'])).toBe('good');
    expect(pupilCategory(['4', '3', '5'])).toBe('one-three');
    expect(pupilCategory(['3', '3', '5'])).toBe('satisfactory');
    expect(pupilCategory(['5', 'н/а'])).toBe('failing');
    expect(pupilCategory(['5', 'не зачтено'])).toBe('failing');
    expect(pupilCategory(['зачтено'])).toBe('none');
  });
});

describe('the forecast', () => {
  it('splits a finished period in thirds and a running one half-way to today', () => {
    expect(forecastBounds('2025-09-01', '2025-10-24', '2026-01-01')).toEqual({ split: '2025-09-19', cut: '2025-10-07' });
    expect(forecastBounds('2025-09-01', '2025-10-24', '2025-09-20')).toEqual({ split: '2025-09-11', cut: '2025-09-21' });
  });

  it('moves the weighted average by a quarter of its trend, at most one mark, rounded half up', () => {
    // earlier 3, 3, 3; later 5, 4, 5: average 23 / 6 = 3.83, trend 4.67 − 3 = 1.67 → +0.25: 4.08 → 4
    expect(forecastMark({ sum: 9, weight: 3, count: 3 }, { sum: 14, weight: 3, count: 3 })).toEqual({
      value: 4,
      average: 3.83,
      trend: 1.67,
    });
    // falling: earlier 5, 5, 5, 5; later 4, 4, 4: average 32 / 7 = 4.57, trend −1 → −0.25: 4.32 → 4 (the plain average gives 5)
    expect(forecastMark({ sum: 20, weight: 4, count: 4 }, { sum: 12, weight: 3, count: 3 })).toEqual({
      value: 4,
      average: 4.57,
      trend: -1,
    });
    // rising: earlier 4, 4, 3; later 5, 5, 5: average 26 / 6 = 4.33, trend 1.33 → +0.25: 4.58 → 5 (the plain average gives 4)
    expect(forecastMark({ sum: 11, weight: 3, count: 3 }, { sum: 15, weight: 3, count: 3 })?.value).toBe(5);
    // two marks in the later part are too few for a trend: 22 / 5 = 4.4 → 4
    expect(forecastMark({ sum: 12, weight: 3, count: 3 }, { sum: 10, weight: 2, count: 2 })).toEqual({
      value: 4,
      average: 4.4,
      trend: null,
    });
    // only one part has marks: no trend
    expect(forecastMark({ sum: 0, weight: 0, count: 0 }, { sum: 7, weight: 2, count: 2 })).toEqual({ value: 4, average: 3.5, trend: null });
    expect(forecastMark({ sum: 0, weight: 0 }, { sum: 0, weight: 0 })).toBeNull();
    // never below the lowest mark of the scale
    expect(forecastMark({ sum: 6, weight: 3, count: 3 }, { sum: 3, weight: 3, count: 3 })?.value).toBe(2);
    expect(forecastMark({ sum: 6, weight: 3, count: 3 }, { sum: 3, weight: 3, count: 3 }, 1)?.value).toBe(1);
  });

  it('measures its accuracy against the marks given', () => {
    expect(
      accuracyOf([
        { forecast: 4, actual: 4 },
        { forecast: 5, actual: 4 },
        { forecast: 3, actual: 5 },
        { forecast: 2, actual: 2 },
      ]),
    ).toEqual({ pairs: 4, exact: 50, withinOne: 75, meanAbsoluteError: 0.75 });
    expect(accuracyOf([])).toEqual({ pairs: 0, exact: null, withinOne: null, meanAbsoluteError: null });
  });
});

describe('subjectRisks', () => {
  const standing = { result: null, forecast: null, average: null, previousAverage: null, marks: 5, pointScale: true };
  it('names an expected 2, н/а, too few marks and a falling average', () => {
    expect(subjectRisks({ ...standing, result: { value: '2', source: 'average' }, average: 2.4 })).toEqual(['expected-fail']);
    expect(subjectRisks({ ...standing, result: { value: 'н/а', source: 'period-mark' } })).toEqual(['not-assessed']);
    expect(subjectRisks({ ...standing, marks: 2, result: { value: '4', source: 'average' } })).toEqual(['few-marks']);
    expect(subjectRisks({ ...standing, result: { value: '4', source: 'average' }, average: 3.6, previousAverage: 4.2 })).toEqual([
      'falling',
    ]);
    expect(subjectRisks({ ...standing, result: { value: '4', source: 'average' }, average: 4, previousAverage: 4.2 })).toEqual([]);
    expect(subjectRisks({ ...standing, pointScale: false, marks: 0, result: { value: 'зачтено', source: 'period-mark' } })).toEqual([]);
  });
});

describe('the school’s thresholds and weights', () => {
  it('counts «with one 4 / one 3» up to the school’s reserve', () => {
    expect(pupilCategory(['5', '4', '4'])).toBe('good');
    expect(pupilCategory(['5', '4', '4'], 2)).toBe('one-four');
    expect(pupilCategory(['4', '3', '3'], 2)).toBe('one-three');
    expect(pupilCategory(['4', '3', '3', '3'], 2)).toBe('satisfactory');
  });

  it('reads few marks and a falling average by the school’s thresholds', () => {
    const standing = {
      forecast: null,
      average: 3.9,
      previousAverage: 4.5,
      marks: 2,
      pointScale: true,
      result: { value: '4', source: 'average' as const },
    };
    expect(subjectRisks(standing)).toEqual(['few-marks', 'falling']);
    expect(subjectRisks(standing, { fewMarks: 2, fallingBy: 0.7 })).toEqual([]);
    expect(subjectRisks(standing, { fewMarks: 3, fallingBy: 0.6 })).toEqual(['few-marks', 'falling']);
  });

  it('moves the forecast by the school’s share of the trend', () => {
    // 9/3 = 3 then 15/3 = 5: average 4, trend 2 (limited to 1 by default).
    const earlier = { sum: 9, weight: 3, count: 3 };
    const later = { sum: 15, weight: 3, count: 3 };
    expect(forecastMark(earlier, later)).toEqual({ value: 4, average: 4, trend: 2 });
    expect(forecastMark(earlier, later, 2, { trendFactor: 0.5, trendLimit: 2, trendMinMarks: 3 })).toEqual({
      value: 5,
      average: 4,
      trend: 2,
    });
    expect(forecastMark(earlier, later, 2, { trendFactor: 0.5, trendLimit: 2, trendMinMarks: 4 })).toEqual({
      value: 4,
      average: 4,
      trend: null,
    });
  });

  it('weighs a pupil’s reasons for the at-risk order', () => {
    expect(riskSeverity(['few-marks', 'absences'])).toBe(5);
    expect(
      riskSeverity(['few-marks', 'absences'], { 'expected-fail': 8, 'not-assessed': 8, absences: 0, falling: 2, 'few-marks': 3 }),
    ).toBe(3);
  });
});
