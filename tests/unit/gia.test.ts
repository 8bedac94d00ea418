import { examPassed, giaOutcome, isAdmitted, type GiaResult } from '../../src/school/rules/gia';

const result = (kind: GiaResult['kind'], subject: GiaResult['subject'], passed = true, subjectKey: string | null = subject): GiaResult => ({
  kind,
  subject,
  subjectKey,
  passed,
});

describe('a GIA result is passed', () => {
  it('with 3 and above at the ОГЭ, ГВЭ and basic ЕГЭ mathematics, at the minimum score at the ЕГЭ, with «зачёт» for the admission exams', () => {
    const base = { form: null, subject: 'other' as const, mark: null, scaledScore: null, passingScore: null, result: null };
    expect(examPassed({ ...base, kind: 'oge', mark: 3 })).toBe(true);
    expect(examPassed({ ...base, kind: 'gve', mark: 2 })).toBe(false);
    expect(examPassed({ ...base, kind: 'ege', subject: 'math', form: 'base', mark: 3 })).toBe(true);
    expect(examPassed({ ...base, kind: 'ege', subject: 'russian', scaledScore: 24, passingScore: 24 })).toBe(true);
    expect(examPassed({ ...base, kind: 'ege', subject: 'russian', scaledScore: 23, passingScore: 24 })).toBe(false);
    expect(examPassed({ ...base, kind: 'final-essay', result: 'fail' })).toBe(false);
    expect(examPassed({ ...base, kind: 'final-interview', result: 'pass' })).toBe(true);
  });
});

describe('admission and the GIA passed for the аттестат (R54, R39)', () => {
  const admitted9 = result('final-interview', 'russian');
  it('admits with «зачёт» for the собеседование (9) or сочинение (11) only', () => {
    expect(isAdmitted(9, [admitted9])).toBe(true);
    expect(isAdmitted(11, [admitted9])).toBe(false);
    expect(isAdmitted(9, [result('final-interview', 'russian', false)])).toBe(false);
  });

  it('9th grade: Russian, mathematics and two optional ОГЭ passed, or both mandatory at the ГВЭ', () => {
    const full = [
      admitted9,
      result('oge', 'russian'),
      result('oge', 'math'),
      result('oge', 'other', true, 'physics'),
      result('oge', 'other', true, 'it'),
    ];
    expect(giaOutcome(9, full)).toEqual({ passed: true, missing: [] });
    expect(giaOutcome(9, [admitted9, result('gve', 'russian'), result('gve', 'math')]).passed).toBe(true);
    const oneOptional = giaOutcome(9, [
      admitted9,
      result('oge', 'russian'),
      result('oge', 'math'),
      result('oge', 'other', true, 'physics'),
      result('oge', 'other', true, 'physics'),
    ]);
    expect(oneOptional.missing).toEqual(['сдано ОГЭ по предметам по выбору: 1 из 2']);
    const failedMath = giaOutcome(9, [...full.filter((item) => item.subject !== 'math'), result('oge', 'math', false)]);
    expect(failedMath.missing).toEqual(['не сдан ОГЭ или ГВЭ по математике']);
    // A retake after a failure counts.
    expect(giaOutcome(9, [...full, result('oge', 'math', false)]).passed).toBe(true);
  });

  it('11th grade: admitted, Russian and mathematics (ЕГЭ or ГВЭ) passed', () => {
    const essay = result('final-essay', 'russian');
    expect(giaOutcome(11, [essay, result('ege', 'russian'), result('gve', 'math')]).passed).toBe(true);
    expect(giaOutcome(11, [result('ege', 'russian'), result('ege', 'math')]).missing).toEqual([
      'нет зачёта по итоговому сочинению (изложению) (допуск к ГИА)',
    ]);
    expect(giaOutcome(11, [essay, result('oge', 'russian'), result('ege', 'math', false)]).missing).toEqual([
      'не сдан ЕГЭ или ГВЭ по русскому языку',
      'не сдан ЕГЭ или ГВЭ по математике',
    ]);
  });
});
