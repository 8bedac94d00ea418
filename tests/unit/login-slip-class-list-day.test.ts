import { classListDay } from '../../src/api/login-slip/services/login-slip';

const year = { startDate: '2025-09-01', endDate: '2026-08-31' };

describe('the day of the class list the slips are issued for', () => {
  it('is today during the class’s academic year', () => {
    expect(classListDay('2025-09-01', year)).toBe('2025-09-01');
    expect(classListDay('2026-01-15', year)).toBe('2026-01-15');
    expect(classListDay('2026-08-31', year)).toBe('2026-08-31');
  });

  it('is the last day of a year that is over', () => {
    expect(classListDay('2026-11-23', year)).toBe('2026-08-31');
  });

  it('is the first day of a year that has not begun (slips printed in August)', () => {
    expect(classListDay('2025-08-25', year)).toBe('2025-09-01');
  });

  it('is today for a class without a year', () => {
    expect(classListDay('2026-11-23', null)).toBe('2026-11-23');
  });
});
