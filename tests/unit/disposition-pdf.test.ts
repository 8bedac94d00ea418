import { renderActPdf, type PrintableAct } from '../../src/plugins/records-archive/server/src/disposition/act-pdf';

const act = (overrides: Partial<PrintableAct> = {}): PrintableAct => ({
  number: '3/2026',
  date: '2026-11-23',
  state: 'approved',
  items: [
    {
      recordType: 'personal-data',
      title: 'Архипов Антон Сергеевич, 04.04.2004 г. р.: выбытие 31.05.2020 (окончание обучения)',
      ruleTitle: 'Личное дело обучающегося',
      legalBasis: 'Положение об индивидуальном учёте, п. 2.2.3',
      closedOn: '2020-05-31',
      expiresOn: '2024-01-01',
    },
    {
      recordType: 'backup',
      title: 'Резервная копия backup-20240501T010000Z-manual-abc123 (ручная, 01.05.2024)',
      ruleTitle: 'Резервные копии',
      legalBasis: 'Положение, п. 3.1.8',
      closedOn: '2024-05-01',
      expiresOn: '2025-05-01',
    },
  ],
  legalBasis: 'Положения об индивидуальном учёте результатов освоения обучающимися образовательных программ',
  notes: null,
  draftedBy: 'Анна Архивист <archivist@school.test>',
  approvedBy: 'Ольга Директор <director@school.test>',
  approvedAt: '2026-11-23T10:00:00.000Z',
  rejectedBy: null,
  rejectionReason: null,
  executedBy: null,
  executedAt: null,
  ...overrides,
});

const pages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe('the printed destruction act', () => {
  it.each(['draft', 'approved', 'rejected', 'executed'] as const)('is a PDF with the DejaVu font embedded when %s', async (state) => {
    const pdf = await renderActPdf(
      act({ state, executedAt: state === 'executed' ? '2026-11-24T09:00:00.000Z' : null, rejectionReason: 'Нужна для суда' }),
      'МБОУ «СОШ № 1»',
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/DejaVuSans/);
    expect(pages(pdf)).toBe(1);
  });

  it('continues the table on further pages for a long list', async () => {
    const many = Array.from({ length: 120 }, (_, index) => ({ ...act().items[0], title: `Обучающийся № ${index + 1}` }));
    const pdf = await renderActPdf(act({ items: many }), 'МБОУ «СОШ № 1»');
    expect(pages(pdf)).toBeGreaterThan(3);
  });
});
