import { plannedResultsOf, programmeMastery } from '../../src/school/rules/programme-mastery';

describe('the planned results of a topic', () => {
  it('are the lines of the text, without list marks and blank lines', () => {
    expect(plannedResultsOf(' – сравнивать дроби\r\n\n• складывать дроби \n* вычитать дроби')).toEqual([
      'сравнивать дроби',
      'складывать дроби',
      'вычитать дроби',
    ]);
    expect(plannedResultsOf(null)).toEqual([]);
  });
});

describe('the mastery of a programme’s planned results by topic', () => {
  const scale = { basicFrom: 5, advancedFrom: 8 };
  const plan = [
    { topic: 'Дроби', lessons: 6, plannedResults: ['складывать дроби'] },
    { topic: 'Сложение дробей', lessons: 2, plannedResults: [] },
  ];
  const pupils = [
    { student: 'a', fullName: 'Андреев' },
    { student: 'b', fullName: 'Борисова' },
    { student: 'c', fullName: 'Васильев' },
  ];

  it('takes each pupil’s level from the topic’s latest work they wrote with points against thresholds', () => {
    const mastery = programmeMastery({
      plan,
      pupils,
      controlWorks: [
        // Given out of order: the later work decides.
        { lesson: 'w2', date: '2025-11-01', topic: 'Дроби, контрольная 2', thresholds: scale, results: [{ student: 'a', points: 4 }] },
        {
          lesson: 'w1',
          date: '2025-10-01',
          topic: 'Дроби, контрольная 1',
          thresholds: scale,
          results: [
            { student: 'a', points: 9 },
            { student: 'b', points: 5 },
            { student: 'c', points: null },
          ],
        },
        // No thresholds: listed, no level, and it does not undo b's level.
        { lesson: 'w3', date: '2025-11-10', topic: 'Дроби: итог', thresholds: null, results: [{ student: 'b', points: 2 }] },
      ],
    });
    const [fractions] = mastery.topics;
    expect(fractions.controlWorks.map((work) => [work.lesson, work.levels])).toEqual([
      ['w1', { 'below-basic': 0, basic: 1, advanced: 1 }],
      ['w2', { 'below-basic': 1, basic: 0, advanced: 0 }],
      ['w3', null],
    ]);
    expect(fractions.pupils.map((pupil) => [pupil.fullName, pupil.level, pupil.date])).toEqual([
      ['Андреев', 'below-basic', '2025-11-01'],
      ['Борисова', 'basic', '2025-10-01'],
    ]);
    expect(fractions.levels).toEqual({ 'below-basic': 1, basic: 1, advanced: 0, notAssessed: 1 });
  });

  it('gives a work to the longest plan topic its topic names, and lists works naming none apart', () => {
    const mastery = programmeMastery({
      plan,
      pupils,
      controlWorks: [
        {
          lesson: 'w1',
          date: '2025-10-01',
          topic: 'Сложение дробей: контрольная',
          thresholds: scale,
          results: [{ student: 'c', points: 8 }],
        },
        { lesson: 'w2', date: '2025-10-02', topic: 'Геометрия', thresholds: scale, results: [] },
      ],
    });
    expect(mastery.topics[0].controlWorks).toEqual([]);
    expect(mastery.topics[1].pupils).toEqual([{ student: 'c', fullName: 'Васильев', level: 'advanced', date: '2025-10-01' }]);
    expect(mastery.unmatchedControlWorks).toEqual([{ lesson: 'w2', date: '2025-10-02', topic: 'Геометрия' }]);
  });
});
