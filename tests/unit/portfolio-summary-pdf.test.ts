import { renderPortfolioSummaryPdf, type PortfolioSummary, type PortfolioSummaryEntry } from '../../src/api/portfolio-entry/summary-pdf';
import {
  portfolioStageOf,
  portfolioStageSince,
  portfolioStageWindow,
  portfolioStageWindowFromHistory,
} from '../../src/api/portfolio-entry/portfolio';

const entry = (index: number): PortfolioSummaryEntry => ({
  date: '2025-10-15',
  title: `Всероссийская олимпиада школьников по математике, школьный этап, работа № ${index} с очень длинным названием для переноса строки`,
  kindLabel: 'олимпиада',
  levelLabel: 'школьный',
  resultLabel: 'победитель',
  place: 1,
  organiser: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»',
  subject: 'Математика',
  area: null,
  fromOtherOrganisation: index % 2 === 0,
  confirmed: index % 3 === 0,
  evidenceCount: index % 4,
});

const summary = (entries: PortfolioSummaryEntry[]): PortfolioSummary => ({
  schoolName: 'МБОУ «Средняя общеобразовательная школа № 1»',
  fullName: 'Константинопольская Александра Вячеславовна',
  birthDate: '2014-03-01',
  className: '5А',
  stage: portfolioStageOf(5),
  printedOn: '2026-05-30',
  entries,
  rewards: [
    {
      date: '2025-10-30',
      kindLabel: 'диплом (грамота)',
      reason: 'За победу в олимпиаде',
      orderNumber: '№ 112-о',
      achievements: ['Олимпиада'],
    },
  ],
  handedOver: { on: '2026-05-30', to: 'Константинопольская Ольга Ивановна' },
});

const pages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe('the printable portfolio summary', () => {
  it('is an A4 PDF with DejaVu fonts embedded', async () => {
    const pdf = await renderPortfolioSummaryPdf(summary([entry(1)]));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/DejaVuSans-Bold/);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(pages(pdf)).toBe(1);
  });

  it('goes on to further pages for a long portfolio, and prints an empty one', async () => {
    expect(pages(await renderPortfolioSummaryPdf(summary(Array.from({ length: 60 }, (_, index) => entry(index)))))).toBeGreaterThan(2);
    expect(pages(await renderPortfolioSummaryPdf({ ...summary([]), rewards: [], handedOver: null, stage: null }))).toBe(1);
  });

  it('names the stage a grade’s portfolio covers (seed 002 §3.5.2)', () => {
    expect([1, 4, 5, 9, 10, 11].map(portfolioStageOf)).toEqual([
      '1–4 классы (4 года)',
      '1–4 классы (4 года)',
      '5–9 классы (5 лет)',
      '5–9 классы (5 лет)',
      '10–11 классы (2 года)',
      '10–11 классы (2 года)',
    ]);
    expect(portfolioStageOf(null)).toBeNull();
  });

  it('opens the current portfolio on the first day of the year the pupil was in the stage’s first grade', () => {
    expect([1, 4, 5, 7, 9, 10, 11].map((grade) => [grade, portfolioStageSince(grade, '2025-09-01')])).toEqual([
      [1, '2025-09-01'],
      [4, '2022-09-01'],
      [5, '2025-09-01'],
      [7, '2023-09-01'],
      [9, '2021-09-01'],
      [10, '2025-09-01'],
      [11, '2024-09-01'],
    ]);
    expect(portfolioStageSince(null, '2025-09-01')).toBeNull();
    expect(portfolioStageSince(5, null)).toBeNull();
    expect(portfolioStageSince(5, 'не дата')).toBeNull();
  });

  it('gives a closed earlier stage its days, up to the next stage’s first day, and refuses a stage not reached', () => {
    expect(portfolioStageWindow(7, '2025-09-01', 'primary')).toEqual({
      key: 'primary',
      label: '1–4 классы (4 года)',
      since: '2019-09-01',
      until: '2023-09-01',
    });
    expect(portfolioStageWindow(11, '2025-09-01', 'basic')).toEqual({
      key: 'basic',
      label: '5–9 классы (5 лет)',
      since: '2019-09-01',
      until: '2024-09-01',
    });
    expect(portfolioStageWindow(7, '2025-09-01', 'basic')).toMatchObject({ since: '2023-09-01', until: null });
    expect(portfolioStageWindow(7, '2025-09-01', 'secondary')).toEqual({ problem: expect.stringMatching(/ещё не начат/) });
    expect(portfolioStageWindow(null, '2025-09-01', 'primary')).toBeNull();
  });

  it('takes a stage’s days from the class lists, so a pupil kept down a year keeps the stage’s real start', () => {
    // 1st grade 2019/2020, 4th grade twice (2022/2023 and 2023/2024), 5th grade 2024/2025, now in the 6th (2025/2026).
    const keptDown = [
      { grade: 1, yearStart: '2019-09-01' },
      { grade: 2, yearStart: '2020-09-01' },
      { grade: 3, yearStart: '2021-09-01' },
      { grade: 4, yearStart: '2022-09-01' },
      { grade: 4, yearStart: '2023-09-01' },
      { grade: 5, yearStart: '2024-09-01' },
      { grade: 6, yearStart: '2025-09-01' },
    ];
    // The calendar count from the 6th grade says the same here for the current stage…
    expect(portfolioStageWindowFromHistory(keptDown, 6, '2025-09-01')).toEqual({
      key: 'basic',
      label: '5–9 классы (5 лет)',
      since: '2024-09-01',
      until: null,
    });
    // …but not for the primary stage: five years, from the 1st grade to the first day of the 5th.
    expect(portfolioStageWindow(6, '2025-09-01', 'primary')).toMatchObject({ since: '2020-09-01', until: '2024-09-01' });
    expect(portfolioStageWindowFromHistory(keptDown, 6, '2025-09-01', 'primary')).toEqual({
      key: 'primary',
      label: '1–4 классы (4 года)',
      since: '2019-09-01',
      until: '2024-09-01',
    });
    // Kept down in the 5th grade: the 5–9 stage opened with the first 5th grade, not a year later.
    const fifthTwice = [
      { grade: 5, yearStart: '2023-09-01' },
      { grade: 5, yearStart: '2024-09-01' },
      { grade: 6, yearStart: '2025-09-01' },
    ];
    expect(portfolioStageWindow(6, '2025-09-01')).toMatchObject({ since: '2024-09-01' });
    expect(portfolioStageWindowFromHistory(fifthTwice, 6, '2025-09-01')).toMatchObject({ key: 'basic', since: '2023-09-01', until: null });
  });

  it('starts a stage with the first class of any of its grades for a pupil who came later, and falls back to the calendar without history', () => {
    const cameInSeventh = [
      { grade: 7, yearStart: '2024-09-01' },
      { grade: 8, yearStart: '2025-09-01' },
    ];
    expect(portfolioStageWindowFromHistory(cameInSeventh, 8, '2025-09-01')).toMatchObject({ key: 'basic', since: '2024-09-01' });
    // No class of the primary stage in the history: its days are counted on the calendar.
    expect(portfolioStageWindowFromHistory(cameInSeventh, 8, '2025-09-01', 'primary')).toEqual(
      portfolioStageWindow(8, '2025-09-01', 'primary'),
    );
    expect(portfolioStageWindowFromHistory([], 7, '2025-09-01')).toEqual(portfolioStageWindow(7, '2025-09-01'));
    expect(portfolioStageWindowFromHistory(cameInSeventh, 8, '2025-09-01', 'secondary')).toEqual({
      problem: expect.stringMatching(/ещё не начат/),
    });
    expect(portfolioStageWindowFromHistory(cameInSeventh, null, '2025-09-01')).toBeNull();
  });
});
