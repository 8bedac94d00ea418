import { formatLocalDate, isWithin, parseLocalDate, rangesOverlap, todayInZone } from '../../src/school/calendar';
import { schemeForGrade, studyPeriodTitle } from '../../src/school/rules/study-periods';

describe('parseLocalDate', () => {
  it('accepts real calendar days only', () => {
    expect(parseLocalDate('2024-02-29')).toBe('2024-02-29');
    expect(parseLocalDate('2025-02-29')).toBeNull();
    expect(parseLocalDate('2025-13-01')).toBeNull();
    expect(parseLocalDate('01.09.2025')).toBeNull();
    expect(parseLocalDate('2025-09-01T00:00:00Z')).toBeNull();
    expect(parseLocalDate(20250901)).toBeNull();
  });
});

describe('todayInZone', () => {
  it("gives the school's local date, not the server's", () => {
    const lateEveningUtc = new Date('2025-09-01T22:30:00Z');
    expect(todayInZone('Europe/Moscow', lateEveningUtc)).toBe('2025-09-02');
    expect(todayInZone('Europe/Kaliningrad', lateEveningUtc)).toBe('2025-09-02');
    expect(todayInZone('UTC', lateEveningUtc)).toBe('2025-09-01');
    expect(todayInZone('Asia/Vladivostok', new Date('2025-09-01T14:30:00Z'))).toBe('2025-09-02');
  });
});

describe('date ranges', () => {
  it('includes both ends', () => {
    expect(isWithin('2025-09-01', '2025-09-01', '2026-05-31')).toBe(true);
    expect(isWithin('2026-05-31', '2025-09-01', '2026-05-31')).toBe(true);
    expect(isWithin('2026-06-01', '2025-09-01', '2026-05-31')).toBe(false);
  });

  it('treats an open end as running forever', () => {
    expect(rangesOverlap({ start: '2025-09-01', end: null }, { start: '2026-03-01', end: '2026-03-02' })).toBe(true);
    expect(rangesOverlap({ start: '2025-09-01', end: '2025-12-31' }, { start: '2026-01-01', end: null })).toBe(false);
    expect(rangesOverlap({ start: '2025-09-01', end: '2025-12-31' }, { start: '2025-12-31', end: null })).toBe(true);
  });

  it('prints Russian dates', () => {
    expect(formatLocalDate('2025-09-01')).toBe('01.09.2025');
  });
});

describe('study periods', () => {
  const ranges = [
    { fromGrade: 1, toGrade: 9, scheme: 'quarter' as const },
    { fromGrade: 10, toGrade: 11, scheme: 'half-year' as const },
  ];

  it('uses quarters for 1-9 and half-years for 10-11 by default', () => {
    expect(schemeForGrade(1, ranges)).toBe('quarter');
    expect(schemeForGrade(9, ranges)).toBe('quarter');
    expect(schemeForGrade(10, ranges)).toBe('half-year');
    expect(schemeForGrade(12, ranges)).toBeNull();
  });

  it('names periods in Russian', () => {
    expect(studyPeriodTitle('quarter', 2)).toBe('2 четверть');
    expect(studyPeriodTitle('half-year', 1)).toBe('1 полугодие');
    expect(studyPeriodTitle('trimester', 3)).toBe('3 триместр');
  });
});
