import { renderPersonalCardPdf, type PersonalCard } from '../../src/api/personal-file/card-pdf';
import { pdfText } from '../helpers/pdf-text';

const mark = (subject: string, value: string) => ({ subject, subjectDocumentId: subject, value, markDocumentId: `${subject}-${value}` });

const card: PersonalCard = {
  school: { name: 'МБОУ «СОШ № 1»', address: 'г. Якутск, ул. Ленина, 1' },
  number: 'К/5',
  fullName: 'Кузнецова Ёлка Сергеевна',
  birthDate: '2014-02-02',
  gender: 'female',
  openedOn: '2021-09-01',
  admissionOrder: '№ 12-у от 30.08.2021',
  state: 'issued',
  issue: { on: '2026-06-10', application: '17', order: '45-у' },
  years: [
    {
      title: '2024/2025',
      className: '4А',
      grade: 4,
      marks: [mark('Математика', '4'), mark('Русский язык', '5')],
      decision: 'promoted',
      decisionNote: null,
      protocol: { number: '7', date: '2025-05-28' },
      certifiedOn: '30.05.2025',
      certifiedBy: 'classteacher.a',
    },
    {
      title: '2025/2026',
      className: '5А',
      grade: 5,
      marks: [mark('Математика', '3'), mark('Физическая культура', 'зачтено')],
      decision: 'promoted-with-debt',
      decisionNote: 'математика, до 15.10.2026',
      protocol: { number: '9', date: '2026-05-27' },
      certifiedOn: null,
      certifiedBy: null,
    },
  ],
  printedOn: '11.06.2026',
};

describe('the personal card PDF', () => {
  it('prints the pupil, the years × subjects table and the certification lines in Cyrillic', async () => {
    const pdf = await renderPersonalCardPdf(card);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/DejaVuSans/);
    const text = pdfText(pdf);
    expect(text).toContain('ЛИЧНАЯ КАРТА ОБУЧАЮЩЕГОСЯ');
    expect(text).toContain('Личное дело № К/5');
    expect(text).toContain('Кузнецова Ёлка Сергеевна');
    expect(text).toContain('02.02.2014');
    for (const line of ['Математика', 'Русский язык', 'Физическая культура', '2025/2026', 'зачтено', 'условно']) {
      expect(text).toContain(line);
    }
    expect(text).toMatch(/Заверено классным руководителем 30\.05\.2025/);
    expect(text).toContain('Не заверено классным руководителем.');
    expect(text).toMatch(/заявление № 17, приказ № 45-у/);
  });

  it('stars a credited mark and explains it under the table (зачёт результатов, seed 003 §5.4)', async () => {
    const note =
      'Зачтено по результатам освоения учебного курса «Python» в «Кванториум» (Свидетельство № 7 от 20.05.2026); приказ № 45-о от 25.05.2026';
    const credited = { ...mark('Информатика', '5'), creditNote: note };
    const text = pdfText(
      await renderPersonalCardPdf({ ...card, years: [{ ...card.years[1], marks: [...card.years[1].marks, credited] }] }),
    );
    expect(text).toContain('5*');
    expect(text.replace(/\s+/g, ' ')).toContain(`* Информатика, 2025/2026: ${note}`);
  });

  it('says so when no year has been filled in', async () => {
    const text = pdfText(await renderPersonalCardPdf({ ...card, years: [], issue: null, state: 'open' }));
    expect(text).toContain('Итоги учебных лет ещё не внесены.');
  });
});
