import { atRiskTrajectory, leaderTrajectory } from '../../src/school/rules/trajectory-from-analytics';

const period = { title: '2 четверть', year: '2025/2026' };
const subject = (name: string, value: string | null, average: number | null) => ({
  subject: name,
  subjectDocumentId: `doc-${name}`,
  average,
  result: value === null ? null : { value, source: 'average' as const },
});

describe('a trajectory drawn up from an analytics list (R24)', () => {
  it('gives a pupil at risk only for absences one goal without a subject, the absences counted in the basis', () => {
    const draft = atRiskTrajectory(period, {
      average: 4,
      risks: ['absences'],
      attendance: { missed: 12, lessons: 30 },
      subjects: [],
    });
    expect(draft.basis).toBe(
      'Итоги анализа результатов за 2 четверть 2025/2026 учебного года: обучающийся в списке «группы риска». Причины: много пропусков (пропущено 12 из 30 уроков).',
    );
    expect(draft.goals).toEqual([expect.objectContaining({ subject: null, measures: 'консультации' })]);
  });

  it('sets goals for the subjects below the pass line only, and for the subjects with another reason when none is below it', () => {
    const risky = (name: string, risks: Array<'expected-fail' | 'not-assessed' | 'few-marks' | 'falling'>) => ({
      ...subject(name, '3', 3),
      risks,
      forecast: null,
      marks: 2,
    });
    const below = atRiskTrajectory(period, {
      average: 3,
      risks: ['not-assessed', 'few-marks'],
      attendance: { missed: 0, lessons: 10 },
      subjects: [risky('История', ['not-assessed']), risky('Химия', ['few-marks'])],
    });
    expect(below.goals.map((goal) => goal.goal)).toEqual(['ликвидировать пробелы по предмету История']);
    expect(below.basis).toContain('н/а — История (средний балл 3); мало отметок — Химия (средний балл 3, отметок: 2)');
    const falling = atRiskTrajectory(period, {
      average: 3,
      risks: ['falling'],
      attendance: { missed: 0, lessons: 10 },
      subjects: [risky('Химия', ['falling'])],
    });
    expect(falling.goals.map((goal) => goal.subject)).toEqual(['doc-Химия']);
  });

  it('takes a хорошист’s best results as the strong subjects when there is no «5», and keeps the basis within 2000 characters', () => {
    const draft = leaderTrajectory(period, {
      group: 'good',
      average: 4.25,
      subjects: [subject('Физика', '4', 4.5), subject('Химия', '4', 4), subject('ИЗО', null, null)],
    });
    expect(draft.basis).toContain(
      'хорошист, средний балл 4,25. Сильные предметы: Физика — «4» (средний балл 4,5); Химия — «4» (средний балл 4).',
    );
    expect(draft.goals.map((goal) => goal.goal)).toEqual([
      'подготовка к олимпиаде по предмету Физика',
      'подготовка к олимпиаде по предмету Химия',
    ]);
    const many = leaderTrajectory(period, {
      group: 'excellent',
      average: 5,
      subjects: Array.from({ length: 80 }, (_, index) => subject(`Предмет с длинным названием ${index}`, '5', 5)),
    });
    expect(many.basis.length).toBe(2000);
    expect(many.basis.endsWith('…')).toBe(true);
  });
});
