import { randomInt } from 'crypto';
import { loginOf, transliterate } from '../../demo/names';

/**
 * Logins and one-time passwords for the e-diary accounts of pupils and parents (pure functions,
 * no Strapi): a login is the Latin surname with initials, «ivanov.ia», numbered when taken; a
 * one-time password is random and printed only on the slip.
 */

/** Letters and digits that cannot be mistaken for one another on paper: no 0/O/o, 1/l/I/i. */
export const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';
export const PASSWORD_LENGTH = 10;

const hasEveryKind = (password: string): boolean => /[A-Z]/.test(password) && /[a-z]/.test(password) && /[2-9]/.test(password);

/**
 * A fresh one-time password: `PASSWORD_LENGTH` characters of `PASSWORD_ALPHABET` from the
 * cryptographic generator, with at least one capital, one small letter and one digit.
 * `pick(n)` returns an integer in [0, n); tests pass their own.
 */
export const generateOneTimePassword = (pick: (bound: number) => number = randomInt): string => {
  for (;;) {
    let password = '';
    for (let index = 0; index < PASSWORD_LENGTH; index += 1) password += PASSWORD_ALPHABET[pick(PASSWORD_ALPHABET.length)];
    if (hasEveryKind(password)) return password;
  }
};

export interface PersonName {
  lastName: string;
  firstName: string;
  patronymic?: string | null;
}

/** «Иванов Иван Андреевич» → «ivanov.ia»; a name with nothing to transliterate gives «user.…». */
export const loginBase = (person: PersonName): string => {
  const base = loginOf({
    lastName: person.lastName.trim(),
    firstName: person.firstName.trim(),
    patronymic: person.patronymic?.trim() ?? null,
  });
  const [surname, initials] = base.split('.');
  return `${surname || 'user'}.${initials || 'x'}`;
};

/** The first login not in `taken` (lower case) among «base», «base2», «base3», … */
export const firstFreeLogin = (base: string, taken: ReadonlySet<string>): string => {
  let login = base;
  for (let suffix = 2; taken.has(login.toLowerCase()); suffix += 1) login = `${base}${suffix}`;
  return login;
};

/** The e-mail of an account that has none of its own: the login at a domain that never receives mail. */
export const PLACEHOLDER_EMAIL_DOMAIN = 'accounts.local';
export const placeholderEmail = (login: string): string => `${login}@${PLACEHOLDER_EMAIL_DOMAIN}`;

/** RFC 5987 `value-chars`: everything outside `attr-char` percent-encoded as UTF-8. */
const encodeRfc5987 = (value: string): string =>
  encodeURIComponent(value).replace(/['()*!]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `Content-Disposition` of the slips of a class: a Latin file name for every client, and the
 * Cyrillic one (RFC 5987 / RFC 6266 `filename*`) for those that understand it.
 * «7Б» → `attachment; filename="login-slips-7B.pdf"; filename*=UTF-8''login-slips-7%D0%91.pdf`.
 */
export const loginSlipsDisposition = (className: string): string => {
  const latin = transliterate(className).toUpperCase() || 'class';
  return `attachment; filename="login-slips-${latin}.pdf"; filename*=UTF-8''${encodeRfc5987(`login-slips-${className.trim()}.pdf`)}`;
};
