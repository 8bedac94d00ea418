import { buildSchoolCalendar, parseAcademicYearTitle, periodOn, schoolDaysOfGrade, weekdayOf } from '../../src/demo/school-calendar';

describe('demo school calendar', () => {
  const calendar = buildSchoolCalendar('2025/2026');

  it('has the quarters and half-years of the test fixture', () => {
    expect(calendar.startDate).toBe('2025-09-01');
    expect(calendar.endDate).toBe('2026-08-31');
    expect(calendar.ordersDate).toBe('2025-08-29');
    expect(calendar.periods.map((period) => [period.title, period.startDate, period.endDate])).toEqual([
      ['1 четверть', '2025-09-01', '2025-10-24'],
      ['2 четверть', '2025-11-05', '2025-12-28'],
      ['3 четверть', '2026-01-12', '2026-03-20'],
      ['4 четверть', '2026-03-30', '2026-05-26'],
      ['1 полугодие', '2025-09-01', '2025-12-28'],
      ['2 полугодие', '2026-01-12', '2026-05-26'],
    ]);
  });

  it('moves public holidays on weekends to Monday', () => {
    expect(calendar.publicHolidays).toEqual(['2025-11-04', '2026-02-23', '2026-03-09', '2026-05-01', '2026-05-11']);
  });

  it('has no lessons on weekends, holidays and breaks; grade 1 rests a week in February', () => {
    const quarterDays = schoolDaysOfGrade(calendar, 'quarter', 5).map((day) => day.date);
    const halfYearDays = schoolDaysOfGrade(calendar, 'half-year', 10).map((day) => day.date);
    const firstGrade = schoolDaysOfGrade(calendar, 'quarter', 1).map((day) => day.date);
    for (const days of [quarterDays, halfYearDays, firstGrade]) {
      expect(days.every((date) => weekdayOf(date) <= 5)).toBe(true);
      for (const holiday of [
        '2025-10-27',
        '2025-11-03',
        '2025-12-29',
        '2026-01-09',
        '2026-02-23',
        '2026-03-09',
        '2026-03-23',
        '2026-05-01',
        '2026-05-11',
        '2026-05-27',
      ]) {
        expect(days).not.toContain(holiday);
      }
    }
    expect(halfYearDays).toEqual(quarterDays);
    expect(quarterDays).toContain('2026-02-17');
    expect(firstGrade).not.toContain('2026-02-17');
    expect(quarterDays.length).toBeGreaterThan(160);
    expect(quarterDays.length).toBeLessThan(172);
  });

  it('finds the period of a date, none in holidays', () => {
    expect(periodOn(calendar, 'quarter', '2025-11-12')?.title).toBe('2 четверть');
    expect(periodOn(calendar, 'half-year', '2025-10-28')?.title).toBe('1 полугодие');
    expect(periodOn(calendar, 'quarter', '2025-10-28')).toBeNull();
  });

  it('builds other years by the same rules and refuses bad titles', () => {
    const next = buildSchoolCalendar('2026/2027');
    expect(next.periods[0]?.endDate).toBe('2026-10-23');
    expect(next.periods.every((period) => period.startDate <= period.endDate)).toBe(true);
    expect(() => parseAcademicYearTitle('2025-2026')).toThrow();
    expect(() => parseAcademicYearTitle('2025/2027')).toThrow();
  });
});
