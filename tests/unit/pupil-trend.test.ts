import {
  attestationBySubject,
  attestationLabel,
  pointsWord,
  trendEvents,
  type AttestationMarkInput,
} from '../../src/school/rules/pupil-trend';

const mark = (over: Partial<AttestationMarkInput>): AttestationMarkInput => ({
  subjectId: 1,
  subject: 'Математика',
  subjectDocumentId: 'math',
  kind: 'annual',
  value: '4',
  numericValue: 4,
  date: null,
  yearTitle: '2025/2026',
  yearEndDate: '2026-08-31',
  periodTitle: null,
  periodEndDate: null,
  ...over,
});

describe('attestation marks over the years (R87)', () => {
  it('labels period, annual, exam and final marks in Russian with their year', () => {
    expect(attestationLabel({ kind: 'periodic', periodTitle: '1 четверть', yearTitle: '2025/2026' })).toBe('1 четверть 2025/2026');
    expect(attestationLabel({ kind: 'annual', periodTitle: null, yearTitle: '2024/2025' })).toBe('Годовая отметка 2024/2025');
    expect(attestationLabel({ kind: 'exam', periodTitle: null, yearTitle: '2025/2026' })).toBe('Экзаменационная отметка 2025/2026');
    expect(attestationLabel({ kind: 'final', periodTitle: null, yearTitle: '2025/2026' })).toBe('Итоговая отметка 2025/2026');
  });

  it('groups by subject and orders each subject’s marks by date, on one day period before annual before exam before final', () => {
    const lines = attestationBySubject([
      mark({ kind: 'final', value: '5', date: '2026-06-20' }),
      mark({ kind: 'exam', value: '5', date: '2026-06-20' }),
      mark({ kind: 'annual', value: '4', date: '2026-05-26' }),
      mark({ kind: 'periodic', value: '4', periodTitle: '4 четверть', periodEndDate: '2026-05-26' }),
      mark({ kind: 'annual', value: '3', yearTitle: '2024/2025', yearEndDate: '2025-08-31' }),
      mark({ subjectId: 2, subject: 'Русский язык', subjectDocumentId: 'ru', kind: 'annual', value: '5', date: '2026-05-26' }),
    ]);
    expect(lines.map((line) => line.subject)).toEqual(['Математика', 'Русский язык']);
    expect(lines[0].attestation.map((point) => [point.date, point.label, point.value])).toEqual([
      ['2025-08-31', 'Годовая отметка 2024/2025', '3'],
      ['2026-05-26', '4 четверть 2025/2026', '4'],
      ['2026-05-26', 'Годовая отметка 2025/2026', '4'],
      ['2026-06-20', 'Экзаменационная отметка 2025/2026', '5'],
      ['2026-06-20', 'Итоговая отметка 2025/2026', '5'],
    ]);
  });
});

describe('events of a pupil’s line (R87)', () => {
  it('words the points in Russian', () => {
    expect([1, 2, 5, 11, 14, 21, 22, 25, 111, 2.5].map(pointsWord)).toEqual([
      'балл',
      'балла',
      'баллов',
      'баллов',
      'баллов',
      'балл',
      'балла',
      'баллов',
      'баллов',
      'балла',
    ]);
  });

  it('labels portfolio entries, external assessments and GIA results and orders them by date', () => {
    const events = trendEvents({
      portfolio: [
        {
          date: '2026-03-01',
          title: 'Городской конкурс чтецов',
          kind: 'contest',
          level: 'municipal',
          result: 'winner',
          place: null,
          subject: null,
        },
      ],
      external: [
        {
          date: '2026-03-01',
          kind: 'regional',
          title: 'Диагностика читательской грамотности',
          subject: null,
          score: 7.5,
          maxScore: null,
          mark: null,
          level: 'базовый',
        },
        { date: '2025-10-01', kind: 'vsoko', title: 'Входная работа', subject: null, score: null, maxScore: null, mark: null, level: null },
      ],
      exams: [
        {
          date: null,
          yearEndDate: '2026-08-31',
          examKind: 'ege',
          subject: 'Русский язык',
          primaryScore: 40,
          scaledScore: 72,
          mark: null,
          result: null,
        },
        { date: null, yearEndDate: null, examKind: 'oge', subject: null, primaryScore: null, scaledScore: null, mark: null, result: null },
        {
          date: '2026-03-01',
          yearEndDate: null,
          examKind: 'final-interview',
          subject: null,
          primaryScore: null,
          scaledScore: null,
          mark: null,
          result: 'fail',
        },
      ],
    });
    expect(events.map((event) => [event.date, event.type, event.label, event.outcome])).toEqual([
      ['2025-10-01', 'external-assessment', 'ВСОКО: Входная работа', 'результат не внесён'],
      ['2026-03-01', 'exam', 'итоговое собеседование по русскому языку', 'незачёт'],
      [
        '2026-03-01',
        'external-assessment',
        'региональная диагностика: Диагностика читательской грамотности',
        '7,5 балла, уровень: базовый',
      ],
      ['2026-03-01', 'portfolio', 'Конкурс: Городской конкурс чтецов', 'победитель, муниципальный уровень'],
      // No date: the end of its year; with no year either it is left out.
      ['2026-08-31', 'exam', 'ЕГЭ по предмету «Русский язык»', '72 балла'],
    ]);
  });
});
