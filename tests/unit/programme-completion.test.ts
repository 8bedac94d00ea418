import { normaliseTopic, programmeCompletion, studyDaysShare, topicOfLesson } from '../../src/school/rules/programme-completion';

/** Study periods of 2025/2026 as the fixture has them: quarters and half-years (their union is 254 days). */
const SPANS = [
  { start: '2025-09-01', end: '2025-10-24' },
  { start: '2025-11-05', end: '2025-12-28' },
  { start: '2026-01-12', end: '2026-03-20' },
  { start: '2026-03-30', end: '2026-05-26' },
  { start: '2025-09-01', end: '2025-12-28' },
  { start: '2026-01-12', end: '2026-05-26' },
];
const PLAN = [
  { topic: 'Натуральные числа', lessons: 4 },
  { topic: 'Дроби', lessons: 6, plannedResults: ['складывать дроби', 'сравнивать дроби'] },
  { topic: 'Сложение дробей', lessons: 5 },
];

describe('study days share', () => {
  it('counts the days covered by any study period, holidays between periods left out', () => {
    expect(studyDaysShare(SPANS, '2025-08-31')).toBe(0);
    expect(studyDaysShare(SPANS, '2025-11-12')).toBeCloseTo(73 / 254, 10);
    expect(studyDaysShare(SPANS, '2026-01-05')).toBeCloseTo(119 / 254, 10);
    expect(studyDaysShare(SPANS, '2026-06-01')).toBe(1);
  });

  it('is zero when the year has no study periods', () => {
    expect(studyDaysShare([], '2025-11-12')).toBe(0);
  });
});

describe('the plan topic a lesson names', () => {
  it('folds case, «ё» and punctuation', () => {
    expect(normaliseTopic('  Натуральные   числа: Сравнение!  ')).toBe('натуральные числа сравнение');
    expect(normaliseTopic('Счёт')).toBe('счет');
  });

  it('takes the longest plan topic the lesson topic contains, and none for an unrelated topic', () => {
    expect(topicOfLesson(PLAN, 'Натуральные числа. Сравнение')).toBe(0);
    expect(topicOfLesson(PLAN, 'Дроби: введение')).toBe(1);
    expect(topicOfLesson(PLAN, 'Сложение дробей с одинаковыми знаменателями')).toBe(2);
    expect(topicOfLesson(PLAN, 'Контрольная работа')).toBeNull();
    expect(topicOfLesson(PLAN, null)).toBeNull();
  });
});

describe('programme completion', () => {
  const lessons = [
    { date: '2025-09-02', topic: 'Натуральные числа. Сравнение' },
    { date: '2025-09-03', topic: 'Натуральные числа: сложение' },
    { date: '2025-11-12', topic: 'Дроби: введение' },
    { date: '2025-11-20', topic: 'Контрольная работа' },
  ];

  it('sums the plan, counts the lessons held up to the date and spreads the plan over the study days', () => {
    const result = programmeCompletion({ plan: PLAN, hoursPerYear: 15, lessons, spans: SPANS, date: '2025-11-12' });
    // 15 × 73/254 = 4.31 → 4 lessons due; 3 held by 12 November.
    expect(result).toMatchObject({ planned: 15, plannedToDate: 4, delivered: 3, percent: 20, lag: 1, lagging: true, unmatched: 0 });
    expect(result.topics).toEqual([
      { topic: 'Натуральные числа', plannedResults: [], planned: 4, plannedToDate: 4, delivered: 2, lagging: true },
      {
        topic: 'Дроби',
        plannedResults: ['складывать дроби', 'сравнивать дроби'],
        planned: 6,
        plannedToDate: 0,
        delivered: 1,
        lagging: false,
      },
      { topic: 'Сложение дробей', plannedResults: [], planned: 5, plannedToDate: 0, delivered: 0, lagging: false },
    ]);
  });

  it('is not lagging when the lessons held keep up with the plan, and counts lessons naming no topic', () => {
    const result = programmeCompletion({ plan: PLAN, hoursPerYear: null, lessons, spans: SPANS, date: '2025-11-30' });
    // 15 × 91/254 = 5.37 → 5 due; 4 held, one of them a test naming no topic.
    expect(result).toMatchObject({ planned: 15, plannedToDate: 5, delivered: 4, lag: 1, unmatched: 1 });
    const ahead = programmeCompletion({ plan: PLAN, hoursPerYear: null, lessons, spans: SPANS, date: '2025-09-30' });
    expect(ahead).toMatchObject({ plannedToDate: 1, delivered: 2, lag: 0, lagging: false });
  });

  it('plans by the programme’s hours when there is no thematic plan', () => {
    const result = programmeCompletion({ plan: [], hoursPerYear: 34, lessons: lessons.slice(0, 1), spans: SPANS, date: '2025-11-12' });
    expect(result).toMatchObject({ planned: 34, plannedToDate: 9, delivered: 1, lag: 8, lagging: true, topics: [] });
  });

  it('plans nothing to date before the first study day and everything after the last', () => {
    expect(programmeCompletion({ plan: PLAN, hoursPerYear: null, lessons: [], spans: SPANS, date: '2025-08-20' }).plannedToDate).toBe(0);
    expect(programmeCompletion({ plan: PLAN, hoursPerYear: null, lessons: [], spans: SPANS, date: '2026-06-20' })).toMatchObject({
      plannedToDate: 15,
      lag: 15,
    });
  });
});
