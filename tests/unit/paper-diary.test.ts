import { renderDiaryWeekPdf, daysOfWeek } from '../../src/api/diary/week-pdf';
import { checkSettingsChange } from '../../src/school/settings-validation';
import { pdfTextLines } from '../helpers/pdf-text';

/** R17: the grades that keep paper diaries (a school setting) and the printed diary week. */

describe('the paper-diary grades setting', () => {
  it('takes a list of grades 1–11, in order and without repeats; an empty list means none', () => {
    expect(checkSettingsChange({ paperDiaryGrades: [4, 2, 2, 3] })).toMatchObject({ set: { paperDiaryGrades: [2, 3, 4] }, issues: [] });
    expect(checkSettingsChange({ paperDiaryGrades: [] })).toMatchObject({ set: { paperDiaryGrades: [] }, issues: [] });
    expect(checkSettingsChange({ paperDiaryGrades: null })).toMatchObject({ reset: ['paperDiaryGrades'], issues: [] });
  });

  it('names each bad grade, or the whole field when it is not a list', () => {
    expect(checkSettingsChange({ paperDiaryGrades: [2, 12, '3'] }).issues.map((issue) => issue.path)).toEqual([
      ['paperDiaryGrades', 1],
      ['paperDiaryGrades', 2],
    ]);
    expect(checkSettingsChange({ paperDiaryGrades: '2-4' }).issues.map((issue) => issue.path)).toEqual([['paperDiaryGrades']]);
  });
});

describe('the printed diary week', () => {
  const sheet = {
    fullName: 'Орлов Михаил Андреевич',
    className: '3В',
    weekStart: '2025-09-08',
    weekEnd: '2025-09-14',
    lessons: [{ date: '2025-09-08', number: 1, subject: 'Математика', homework: 'с. 12' }],
    marks: [
      { date: '2025-09-08', subject: 'Математика', value: '5', kind: 'current', workType: 'control-work', period: null },
      { date: '2025-09-10', subject: 'Чтение', value: '4', kind: 'current', workType: null, period: null },
    ],
    attendance: [{ date: '2025-09-11', lesson: 3, subject: 'Музыка', kind: 'late', minutesLate: 10 }],
    entries: [],
  };

  it('prints Monday to Saturday, and Sunday only when something happened on it', () => {
    expect(daysOfWeek(sheet)).toEqual(['2025-09-08', '2025-09-09', '2025-09-10', '2025-09-11', '2025-09-12', '2025-09-13']);
    expect(
      daysOfWeek({ ...sheet, entries: [{ date: '2025-09-14', kindLabel: 'замечание', subject: null, author: null, text: '…' }] }),
    ).toHaveLength(7);
  });

  it('puts a mark without a lesson of that day and an absence under the day, and the signature line at the foot', async () => {
    const pdf = await renderDiaryWeekPdf(
      { schoolName: 'Школа № 1', printedOn: '2025-09-15', sheets: [sheet] },
      new Date('2025-09-15T10:00:00Z'),
    );
    const text = pdfTextLines(pdf).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('1 Математика с. 12 5 (контрольная работа)');
    expect(text).toContain('среда, 10.09.2025 Чтение 4');
    expect(text).toContain('четверг, 11.09.2025 3 Музыка опоздание на 10 мин');
    expect(text).toContain('Записей нет');
    expect(text).toContain('Подпись родителя');
    expect(text).toContain('Страница 1 из 1');
  });

  it('fits a full school week (six lessons a day, long homework) on one A4 page', async () => {
    const subjects = ['Русский язык', 'Литературное чтение', 'Математика', 'Окружающий мир', 'Английский язык', 'Музыка'];
    const days = ['2025-09-08', '2025-09-09', '2025-09-10', '2025-09-11', '2025-09-12'];
    const full = {
      ...sheet,
      lessons: days.flatMap((date) =>
        subjects.map((subject, index) => ({
          date,
          number: index + 1,
          subject,
          homework: 'Учебник с. 45 упр. 3, выучить правило на с. 44',
        })),
      ),
      marks: days.flatMap((date) =>
        subjects.slice(0, 3).map((subject) => ({ date, subject, value: '5', kind: 'current', workType: null, period: null })),
      ),
      entries: [{ date: '2025-09-09', kindLabel: 'поощрение', subject: 'Математика', author: 'ivanova', text: 'Отлично работал у доски' }],
    };
    const pdf = await renderDiaryWeekPdf({ schoolName: 'Школа № 1', printedOn: '2025-09-15', sheets: [full, full] });
    expect((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBe(2);
  });
});
