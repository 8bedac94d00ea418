/**
 * How a staff account is named to school users (tables, reports, PDFs): its full name
 * (`fullName`, «ФИО», set in the admin panel) when it has one, else its login. The login stays the
 * account's identifier everywhere else (sign-in, lookups, access checks, audit).
 */
/** Any account row (or none); only its `fullName` and `username` are read. */
export type StaffNamed = object | null | undefined;

export const staffNameOf = (user: StaffNamed): string => {
  const account = (user ?? {}) as { fullName?: unknown; username?: unknown };
  const fullName = typeof account.fullName === 'string' ? account.fullName.trim() : '';
  if (fullName) return fullName;
  return typeof account.username === 'string' ? account.username : '';
};

/** The name, or null when there is no account (a field that held `username ?? null`). */
export const staffNameOrNull = (user: StaffNamed): string | null => (user ? staffNameOf(user) || null : null);
