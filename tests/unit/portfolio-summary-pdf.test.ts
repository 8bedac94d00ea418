import { renderPortfolioSummaryPdf, type PortfolioSummary, type PortfolioSummaryEntry } from '../../src/api/portfolio-entry/summary-pdf';
import { portfolioStageOf, portfolioStageSince, portfolioStageWindow } from '../../src/api/portfolio-entry/portfolio';

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
});
