import {
  firstFreeLogin,
  generateOneTimePassword,
  loginBase,
  loginSlipsDisposition,
  PASSWORD_ALPHABET,
  PASSWORD_LENGTH,
  placeholderEmail,
} from '../../src/api/login-slip/credentials';

describe('one-time passwords', () => {
  it('are ten characters that cannot be misread, with capitals, small letters and digits', () => {
    for (const ambiguous of ['0', 'O', 'o', '1', 'l', 'I', 'i']) expect(PASSWORD_ALPHABET).not.toContain(ambiguous);
    for (let round = 0; round < 200; round += 1) {
      const password = generateOneTimePassword();
      expect(password).toHaveLength(PASSWORD_LENGTH);
      expect(password).toMatch(new RegExp(`^[${PASSWORD_ALPHABET}]+$`));
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[2-9]/);
    }
  });

  it('are drawn again until every kind of character is present', () => {
    // The first draw is all capitals ('A'), the second cycles through the alphabet.
    let calls = 0;
    const pick = (bound: number) => {
      calls += 1;
      return calls <= PASSWORD_LENGTH ? 0 : (calls * 7) % bound;
    };
    const password = generateOneTimePassword(pick);
    expect(calls).toBe(2 * PASSWORD_LENGTH);
    expect(password).not.toBe('A'.repeat(PASSWORD_LENGTH));
  });

  it('differ from one another', () => {
    const passwords = new Set(Array.from({ length: 100 }, () => generateOneTimePassword()));
    expect(passwords.size).toBe(100);
  });
});

describe('logins', () => {
  it.each([
    [{ lastName: 'Иванов', firstName: 'Иван', patronymic: 'Андреевич' }, 'ivanov.ia'],
    [{ lastName: 'Иванова', firstName: 'Ольга', patronymic: 'Петровна' }, 'ivanova.op'],
    [{ lastName: ' Щербакова ', firstName: 'Юлия', patronymic: null }, 'shcherbakova.y'],
    [{ lastName: 'Кузнецов', firstName: 'Павел' }, 'kuznetsov.p'],
    [{ lastName: '—', firstName: '—' }, 'user.x'],
  ])('are the Latin surname and initials: %o → %s', (person, login) => {
    expect(loginBase(person)).toBe(login);
  });

  it('are numbered from 2 when taken, whatever the case of the taken one', () => {
    expect(firstFreeLogin('ivanova.op', new Set())).toBe('ivanova.op');
    expect(firstFreeLogin('ivanova.op', new Set(['ivanova.op']))).toBe('ivanova.op2');
    expect(firstFreeLogin('ivanova.op', new Set(['ivanova.op', 'ivanova.op2', 'ivanova.op3']))).toBe('ivanova.op4');
  });

  it('get a placeholder e-mail when the person has none', () => {
    expect(placeholderEmail('ivanov.ia')).toBe('ivanov.ia@accounts.local');
  });
});

describe('the file name of the slips', () => {
  it('is Latin, with the Cyrillic class name as RFC 5987 filename*', () => {
    expect(loginSlipsDisposition('7Б')).toBe(`attachment; filename="login-slips-7B.pdf"; filename*=UTF-8''login-slips-7%D0%91.pdf`);
    expect(loginSlipsDisposition('10Ж')).toBe(`attachment; filename="login-slips-10ZH.pdf"; filename*=UTF-8''login-slips-10%D0%96.pdf`);
  });
});
