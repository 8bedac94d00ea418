import { allowedMarkValues, normalizeMarkValue, numericMarkValue, type ScaleContext } from '../../src/school/rules/mark-values';

describe('normalizeMarkValue', () => {
  it.each([
    [5, '5'],
    ['4', '4'],
    [' 3 ', '3'],
    ['Зачёт', 'зачтено'],
    ['зачет', 'зачтено'],
    ['НЕ ЗАЧТЕНО', 'не зачтено'],
    ['незачёт', 'не зачтено'],
    ['на', 'н/а'],
    ['Н/А', 'н/а'],
    ['освобождён', 'осв'],
  ])('reads %p as %p', (raw, expected) => {
    expect(normalizeMarkValue(raw)).toBe(expected);
  });

  it.each([[6], [0], ['5+'], ['отлично'], [4.5], [null], [undefined], [{}]])('refuses %p', (raw) => {
    expect(normalizeMarkValue(raw)).toBeNull();
  });
});

describe('allowedMarkValues', () => {
  const base: ScaleContext = { scale: 'five-point', kind: 'current', grade: 5, pointMarksFromGrade: 2 };

  it('gives 2–5 for a current mark on the five-point scale', () => {
    expect(allowedMarkValues(base)).toEqual(['2', '3', '4', '5']);
  });

  it('adds «1» only where the subject uses it', () => {
    expect(allowedMarkValues({ ...base, scale: 'five-point-with-one' })).toEqual(['1', '2', '3', '4', '5']);
  });

  it('lets period and year marks be «н/а» or «осв», but not current marks', () => {
    expect(allowedMarkValues({ ...base, kind: 'periodic' })).toEqual(['2', '3', '4', '5', 'н/а', 'осв']);
    expect(allowedMarkValues({ ...base, kind: 'annual' })).toContain('н/а');
    expect(allowedMarkValues(base)).not.toContain('н/а');
  });

  it('uses зачтено / не зачтено for pass-fail subjects', () => {
    expect(allowedMarkValues({ ...base, scale: 'pass-fail' })).toEqual(['зачтено', 'не зачтено']);
  });

  it('gives no point marks below the first graded grade (grade 1 by default)', () => {
    expect(allowedMarkValues({ ...base, grade: 1 })).toEqual(['зачтено', 'не зачтено']);
    expect(allowedMarkValues({ ...base, grade: 2 })).toEqual(['2', '3', '4', '5']);
    expect(allowedMarkValues({ ...base, grade: 2, pointMarksFromGrade: 3 })).toEqual(['зачтено', 'не зачтено']);
  });
});

describe('numericMarkValue', () => {
  it('counts point marks and leaves the rest out of averages', () => {
    expect(numericMarkValue('4')).toBe(4);
    expect(numericMarkValue('зачтено')).toBeNull();
    expect(numericMarkValue('н/а')).toBeNull();
  });
});
