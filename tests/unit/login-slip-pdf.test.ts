import { renderLoginSlipsPdf, SLIPS_PER_PAGE, type LoginSlip, type LoginSlipsMeta } from '../../src/api/login-slip/pdf';

const meta: LoginSlipsMeta = {
  schoolName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1 имени очень длинного имени»',
  serverUrl: 'https://dnevnik.school1.example',
  className: '7Б',
  issuedOn: '2026-09-01',
};

const pupil = (index: number): LoginSlip => ({
  kind: 'pupil',
  fullName: `Константинопольская Александра Вячеславовна ${index}`,
  children: [],
  username: `konstantinopolskaya.av${index}`,
  password: 'Ab3dEf7hJk',
  status: 'created',
});
const parent: LoginSlip = {
  kind: 'parent',
  fullName: 'Константинопольский Вячеслав Александрович',
  children: ['Константинопольская Александра Вячеславовна', 'Константинопольский Пётр Вячеславович'],
  username: 'konstantinopolskiy.va',
  password: null,
  status: 'issued',
};

const pages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe('the printed login slips', () => {
  it('put eight slips on an A4 page with DejaVu fonts embedded', async () => {
    const pdf = await renderLoginSlipsPdf(
      Array.from({ length: SLIPS_PER_PAGE }, (_, index) => pupil(index)),
      meta,
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/DejaVuSans-Bold/);
    expect(pdf.toString('latin1')).toMatch(/DejaVuSansMono-Bold/);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(pages(pdf)).toBe(1);
  });

  it('go on to a new page after eight, for every status', async () => {
    const slips: LoginSlip[] = [
      ...Array.from({ length: SLIPS_PER_PAGE }, (_, index) => pupil(index)),
      parent,
      { ...parent, status: 'staff-account' },
      { ...parent, status: 'blocked' },
      { ...pupil(9), status: 'reset' },
    ];
    expect(pages(await renderLoginSlipsPdf(slips, meta))).toBe(2);
  });

  it('say so when the class list is empty', async () => {
    const pdf = await renderLoginSlipsPdf([], meta);
    expect(pages(pdf)).toBe(1);
  });
});
