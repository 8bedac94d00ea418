import { compareSelfAssessment, summariseSelfAssessment } from '../../src/school/rules/self-assessment';

describe('a pupil’s self-assessment beside the teacher’s mark', () => {
  it('matches, or is higher or lower by the difference of the points', () => {
    expect(compareSelfAssessment('4', '4')).toEqual({ verdict: 'matches', label: 'совпала с отметкой учителя', difference: 0 });
    expect(compareSelfAssessment('5', '3')).toEqual({ verdict: 'higher', label: 'выше отметки учителя', difference: 2 });
    expect(compareSelfAssessment('3', '4')).toEqual({ verdict: 'lower', label: 'ниже отметки учителя', difference: -1 });
  });

  it('compares зачёт with зачёт, and nothing across scales or while a side is missing', () => {
    expect(compareSelfAssessment('зачтено', 'не зачтено')).toMatchObject({ verdict: 'higher', difference: null });
    expect(compareSelfAssessment('не зачтено', 'зачтено')).toMatchObject({ verdict: 'lower' });
    expect(compareSelfAssessment('зачтено', '5')).toBeNull();
    expect(compareSelfAssessment(null, '5')).toBeNull();
    expect(compareSelfAssessment('4', null)).toBeNull();
  });

  it('sums up how often the pupil judged their work right, with the mean gap in points', () => {
    expect(
      summariseSelfAssessment([
        { self: '5', teacher: '4' },
        { self: '4', teacher: '4' },
        { self: '3', teacher: '5' },
        { self: 'зачтено', teacher: 'зачтено' },
        { self: '4', teacher: null },
      ]),
    ).toEqual({ compared: 4, matches: 2, higher: 1, lower: 1, meanAbsoluteDifference: 1 });
    expect(summariseSelfAssessment([])).toEqual({ compared: 0, matches: 0, higher: 0, lower: 0, meanAbsoluteDifference: null });
  });
});
