import { staffNameOf, staffNameOrNull } from '../../src/access/staff-name';

describe('staffNameOf', () => {
  it('names an account by its full name, trimmed', () => {
    expect(staffNameOf({ fullName: '  Иванова Мария Ивановна ', username: 'ivanova_mi' })).toBe('Иванова Мария Ивановна');
  });

  it('falls back to the login when the full name is empty, blank or missing', () => {
    expect(staffNameOf({ fullName: '', username: 'ivanova_mi' })).toBe('ivanova_mi');
    expect(staffNameOf({ fullName: '   ', username: 'ivanova_mi' })).toBe('ivanova_mi');
    expect(staffNameOf({ fullName: null, username: 'ivanova_mi' })).toBe('ivanova_mi');
    expect(staffNameOf({ username: 'ivanova_mi' })).toBe('ivanova_mi');
  });

  it('gives an empty string when there is nothing to name', () => {
    expect(staffNameOf(null)).toBe('');
    expect(staffNameOf(undefined)).toBe('');
    expect(staffNameOf({})).toBe('');
    expect(staffNameOf({ fullName: 5, username: 7 })).toBe('');
  });

  it('staffNameOrNull keeps null for no account', () => {
    expect(staffNameOrNull(null)).toBeNull();
    expect(staffNameOrNull({ username: 'petrov' })).toBe('petrov');
    expect(staffNameOrNull({ fullName: 'Петров Пётр Петрович', username: 'petrov' })).toBe('Петров Пётр Петрович');
  });
});
