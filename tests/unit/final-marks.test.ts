import {
  awardOf,
  basicFinalMark,
  markInWords,
  roundMark,
  secondaryFinalMark,
  type CertificateLevel,
} from '../../src/school/rules/final-marks';

describe('rounding of a mean to a whole mark', () => {
  it.each([
    [3.5, 'half-up', 4],
    [4.5, 'half-up', 5],
    [3.49, 'half-up', 3],
    [4.25, 'half-up', 4],
    [3.5, 'half-down', 3],
    [4.5, 'half-down', 4],
    [4.51, 'half-down', 5],
    [(3 + 4 + 4 + 3) / 4, 'half-up', 4],
  ] as const)('%s rounds %s to %s', (mean, rounding, expected) => {
    expect(roundMark(mean, rounding)).toBe(expected);
  });

  it('keeps a float sum that is meant to be x.5 at x.5', () => {
    expect(roundMark((0.1 + 0.2) * 10 + 0.5 - 0.0000000001)).toBe(4);
  });
});

describe('11th grade: the mean of the half-year and annual marks of grades 10 and 11', () => {
  it('averages six marks and rounds half up by default (3.5 → 4, 4.5 → 5)', () => {
    expect(secondaryFinalMark({ periods: ['3', '4', '3', '4'], annual: ['3', '4'] })).toMatchObject({
      value: '4',
      mean: 3.5,
      problem: null,
    });
    expect(secondaryFinalMark({ periods: ['4', '5', '4', '5'], annual: ['4', '5'] })).toMatchObject({ value: '5', mean: 4.5 });
    expect(secondaryFinalMark({ periods: ['4', '5', '4', '5'], annual: ['4', '5'] }, 'half-down').value).toBe('4');
    expect(secondaryFinalMark({ periods: ['5', '5', '5', '4'], annual: ['5', '4'] }).value).toBe('5');
    expect(secondaryFinalMark({ periods: ['4', '4', '3', '4'], annual: ['4', '4'] }).value).toBe('4');
  });

  it('leaves «осв» out of the mean, and gives «зачтено» to a pass-fail subject', () => {
    expect(secondaryFinalMark({ periods: ['осв', '5', '4', '5'], annual: ['4', '5'] })).toMatchObject({ value: '5', mean: 4.6 });
    expect(secondaryFinalMark({ periods: ['зачтено', 'зачтено'], annual: ['зачтено', 'зачтено'] })).toMatchObject({
      value: 'зачтено',
      mean: null,
      problem: null,
    });
    expect(secondaryFinalMark({ periods: ['осв', 'осв'], annual: ['осв', 'осв'] })).toMatchObject({ value: 'осв', problem: null });
  });

  it('reports a subject that bars the аттестат', () => {
    expect(secondaryFinalMark({ periods: ['2', '2', '3', '2'], annual: ['2', '3'] }).problem).toBe('итоговая отметка 2 по предмету');
    expect(secondaryFinalMark({ periods: ['3', '3'], annual: ['3', 'н/а'] }).problem).toBe('итоговая отметка «н/а» по предмету');
    expect(secondaryFinalMark({ periods: ['зачтено'], annual: ['не зачтено'] }).problem).toBe('итоговая отметка «не зачтено» по предмету');
    expect(secondaryFinalMark({ periods: ['5'], annual: [] })).toMatchObject({ value: null, problem: 'нет годовой отметки по предмету' });
  });
});

describe('9th grade: exam subjects the mean of annual and exam, others the annual mark', () => {
  it('averages annual and exam marks with the rounding rule', () => {
    expect(basicFinalMark({ annual: '4', exam: '5' })).toMatchObject({ value: '5', mean: 4.5 });
    expect(basicFinalMark({ annual: '4', exam: '3' })).toMatchObject({ value: '4', mean: 3.5 });
    expect(basicFinalMark({ annual: '4', exam: '3' }, 'half-down').value).toBe('3');
    expect(basicFinalMark({ annual: '5', exam: '5' }).value).toBe('5');
  });

  it('takes the annual mark of a subject without an exam', () => {
    expect(basicFinalMark({ annual: '3' })).toMatchObject({ value: '3', mean: 3, from: ['3'], problem: null });
    expect(basicFinalMark({ annual: 'зачтено', exam: null })).toMatchObject({ value: 'зачтено', problem: null });
    expect(basicFinalMark({ annual: 'осв' })).toMatchObject({ value: 'осв', problem: null });
  });

  it('reports failing and missing marks', () => {
    expect(basicFinalMark({ annual: '3', exam: '2' }).value).toBe('3');
    expect(basicFinalMark({ annual: '2', exam: '2' }).problem).toBe('итоговая отметка 2 по предмету');
    expect(basicFinalMark({ annual: null, exam: '5' }).problem).toBe('нет годовой отметки по предмету');
    expect(basicFinalMark({ annual: 'н/а' }).problem).toBe('итоговая отметка «н/а» по предмету');
  });
});

describe('distinction and medals (criteria of 2023, from the final marks)', () => {
  const marks = (...values: string[]) => values.map((value) => ({ value }));
  it.each([
    ['secondary-general', marks('5', '5', '5', 'зачтено'), { withDistinction: true, medal: 'first-degree' }],
    ['secondary-general', marks('5', '4', '5', '4', '5'), { withDistinction: false, medal: 'second-degree' }],
    ['secondary-general', marks('5', '4', '4', '4', '5'), { withDistinction: false, medal: null }],
    ['secondary-general', marks('5', '5', '3'), { withDistinction: false, medal: null }],
    ['secondary-general', marks('5', '5', 'не зачтено'), { withDistinction: false, medal: null }],
    ['basic-general', marks('5', '5', 'осв', 'зачтено'), { withDistinction: true, medal: null }],
    ['basic-general', marks('5', '4'), { withDistinction: false, medal: null }],
    ['basic-general', marks('зачтено'), { withDistinction: false, medal: null }],
  ] as const)('%s %j → %j', (level, subjects, expected) => {
    expect(awardOf(level as CertificateLevel, subjects)).toEqual({ ...expected, rule: '2023-09-01' });
  });
});

it('writes marks in words as the аттестат does', () => {
  expect(markInWords('5')).toBe('5 (отлично)');
  expect(markInWords('3')).toBe('3 (удовлетворительно)');
  expect(markInWords('зачтено')).toBe('зачтено');
  expect(markInWords('осв')).toBe('освобождён(а)');
});
