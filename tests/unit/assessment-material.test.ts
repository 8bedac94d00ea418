import { materialResults, maxPointsMismatch, pointsScaleOf, tasksTotal } from '../../src/school/rules/assessment-material';

describe('the tasks of a КИМ against its maximum', () => {
  it('adds the tasks’ maxima and accepts a maximum equal to their sum', () => {
    const tasks = [{ maxPoints: 2 }, { maxPoints: 3 }, { maxPoints: 5 }];
    expect(tasksTotal(tasks)).toBe(10);
    expect(maxPointsMismatch(tasks, 10)).toBeNull();
  });

  it('names both the maximum and the sum when they differ, and asks for a maximum when there is none', () => {
    expect(maxPointsMismatch([{ maxPoints: 2 }, { maxPoints: 3 }, { maxPoints: 5 }], 12)).toBe(
      'Максимальный балл работы (12) не равен сумме максимальных баллов заданий (10)',
    );
    expect(maxPointsMismatch([{ maxPoints: 4 }], null)).toContain('сумма баллов заданий 4');
  });

  it('has nothing to check without tasks', () => {
    expect(maxPointsMismatch([], 25)).toBeNull();
  });
});

describe('the points scale of a control work that names a КИМ', () => {
  const material = { maxPoints: 12, basicFromPoints: 5, advancedFromPoints: 9 };

  it('takes the КИМ’s maximum and thresholds when the lesson leaves them empty', () => {
    expect(pointsScaleOf({ maxPoints: null, basicFromPoints: null, advancedFromPoints: null }, material)).toEqual({
      maxPoints: 12,
      thresholds: { basicFrom: 5, advancedFrom: 9 },
    });
  });

  it('keeps the lesson’s own scale, and takes no КИМ thresholds for another maximum', () => {
    expect(pointsScaleOf({ maxPoints: 12, basicFromPoints: 4, advancedFromPoints: 8 }, material)).toEqual({
      maxPoints: 12,
      thresholds: { basicFrom: 4, advancedFrom: 8 },
    });
    expect(pointsScaleOf({ maxPoints: 20 }, material)).toEqual({ maxPoints: 20, thresholds: null });
    expect(pointsScaleOf({ maxPoints: null }, null)).toEqual({ maxPoints: null, thresholds: null });
  });
});

describe('the results of one КИМ across classes', () => {
  it('gives each class and the total written, absent, успеваемость, качество, average points and levels (hand-computed)', () => {
    // 5А (thresholds 5 / 9): 5 (11 б.) повышенный, 4 (9) повышенный, 3 (6) базовый, 2 (3) ниже базового; «зачтено» is no
    // point mark; one absent → wrote 4, успеваемость 3/4 = 75 %, качество 2/4 = 50 %, average 29/4 = 7.25 → 7.3.
    // 5Б (no thresholds): 5 (10), 3 (no points), 3 (5) → wrote 3, 100 %, качество 1/3 = 33.3 %, average 15/2 = 7.5, no levels.
    // Total: wrote 7, absent 1, успеваемость 6/7 = 85.7 %, качество 3/7 = 42.9 %, average 44/6 = 7.3 over the 6 with points.
    const { works, total } = materialResults([
      {
        marks: [
          { mark: '5', points: 11 },
          { mark: '4', points: 9 },
          { mark: '3', points: 6 },
          { mark: '2', points: 3 },
          { mark: 'зачтено', points: 12 },
        ],
        absent: 1,
        thresholds: { basicFrom: 5, advancedFrom: 9 },
      },
      {
        marks: [
          { mark: '5', points: 10 },
          { mark: '3', points: null },
          { mark: '3', points: 5 },
        ],
        absent: 0,
        thresholds: null,
      },
    ]);
    expect(works).toEqual([
      {
        written: 4,
        absent: 1,
        successRate: 75,
        qualityRate: 50,
        withPoints: 4,
        averagePoints: 7.3,
        levels: { 'below-basic': 1, basic: 1, advanced: 2 },
      },
      {
        written: 3,
        absent: 0,
        successRate: 100,
        qualityRate: 33.3,
        withPoints: 2,
        averagePoints: 7.5,
        levels: { 'below-basic': 0, basic: 0, advanced: 0 },
      },
    ]);
    expect(total).toEqual({
      written: 7,
      absent: 1,
      successRate: 85.7,
      qualityRate: 42.9,
      withPoints: 6,
      averagePoints: 7.3,
      levels: { 'below-basic': 1, basic: 1, advanced: 2 },
    });
  });

  it('has no rates or average when nobody wrote it', () => {
    expect(materialResults([]).total).toMatchObject({ written: 0, absent: 0, successRate: null, averagePoints: null });
  });
});
