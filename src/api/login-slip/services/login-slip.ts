import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { todayInZone, type LocalDate } from '../../../school/calendar';
import { getSchoolSettings } from '../../../school/settings';
import { firstFreeLogin, generateOneTimePassword, loginBase, placeholderEmail, type PersonName } from '../credentials';
import { renderLoginSlipsPdf, type LoginSlip, type LoginSlipsMeta, type LoginSlipStatus } from '../pdf';

/**
 * Login details for the e-diary (seed 002 §3.1.6): for every pupil on a class list and every
 * guardian of theirs, an account of role `pupil` or `parent` is created and linked to the record if
 * there is none, with a one-time password and `mustChangePassword`; with `reset`, existing pupil and
 * parent accounts get a new one-time password. The plain passwords live only in the returned slips
 * (for the PDF): the database holds their hashes, nothing logs them.
 */

const USER_UID = 'plugin::users-permissions.user';
const ROLE_UID = 'plugin::users-permissions.role';
const CLASS_UID = 'api::school-class.school-class';
const ENROLLMENT_UID = 'api::enrollment.enrollment';
const STUDENT_UID = 'api::student.student';
const GUARDIAN_UID = 'api::guardian.guardian';

/** Account roles whose passwords the slips may set; anything else (staff accounts) is never touched. */
const DIARY_ROLES = ['pupil', 'parent'] as const;
type DiaryRole = (typeof DIARY_ROLES)[number];

export type LoginSlipAudience = 'pupils' | 'parents' | 'both';
export const LOGIN_SLIP_AUDIENCES: readonly LoginSlipAudience[] = ['pupils', 'parents', 'both'];

export interface IssueLoginSlipsOptions {
  classDocumentId: string;
  /** Give existing pupil and parent accounts a new one-time password too. */
  reset?: boolean;
  include?: LoginSlipAudience;
}

/** A slip with the record and account it was issued for. */
export interface IssuedLoginSlip extends LoginSlip {
  /** The student's or guardian's documentId. */
  recordDocumentId: string;
  userId: number;
}

export interface LoginSlipIssue {
  schoolClass: { documentId: string; name: string; yearTitle: string | null };
  /** The day whose class list was used. */
  onDate: LocalDate;
  slips: IssuedLoginSlip[];
}

interface Account {
  id: number;
  documentId: string;
  username: string;
  blocked?: boolean | null;
  role?: { type?: string } | null;
}

interface Person extends PersonName {
  id: number;
  documentId: string;
  fullName?: string | null;
  user?: Account | null;
}

interface Pupil extends Person {
  guardians?: Array<Person & { email?: string | null }>;
}

const fullNameOf = (person: Person): string =>
  person.fullName?.trim() || [person.lastName, person.firstName, person.patronymic].filter(Boolean).join(' ');

const byName = (a: Person, b: Person): number => fullNameOf(a).localeCompare(fullNameOf(b), 'ru');

/**
 * The day whose class list counts: today in the school's time zone, kept inside the class's
 * academic year — its last day for a year that is over, its first day for one that has not begun.
 */
export const classListDay = (today: LocalDate, year: { startDate?: string | null; endDate?: string | null } | null): LocalDate => {
  if (year?.endDate && today > year.endDate) return year.endDate;
  if (year?.startDate && today < year.startDate) return year.startDate;
  return today;
};

const ACCOUNT_POPULATE = { select: ['id', 'documentId', 'username', 'blocked'], populate: { role: { select: ['type'] } } };

export const issueLoginSlips = async (strapi: Core.Strapi, options: IssueLoginSlipsOptions): Promise<LoginSlipIssue> => {
  const include = options.include ?? 'both';
  const schoolClass = (await strapi.db.query(CLASS_UID).findOne({
    where: { documentId: options.classDocumentId },
    populate: { academicYear: { select: ['title', 'startDate', 'endDate'] } },
  })) as { documentId: string; name: string; academicYear?: { title?: string; startDate?: string; endDate?: string } | null } | null;
  if (!schoolClass) throw new errors.NotFoundError('Класс не найден');
  const onDate = classListDay(todayInZone(getSchoolSettings(strapi).timeZone), schoolClass.academicYear ?? null);

  const enrollments = (await strapi.db.query(ENROLLMENT_UID).findMany({
    where: {
      schoolClass: { documentId: options.classDocumentId },
      startDate: { $lte: onDate },
      $or: [{ endDate: { $null: true } }, { endDate: { $gte: onDate } }],
    },
    populate: {
      student: {
        populate: {
          user: ACCOUNT_POPULATE,
          guardians: { populate: { user: ACCOUNT_POPULATE } },
        },
      },
    },
  })) as Array<{ student?: Pupil | null }>;
  const pupilsById = new Map<number, Pupil>();
  for (const { student } of enrollments) if (student) pupilsById.set(student.id, student);
  const pupils = [...pupilsById.values()].sort(byName);

  const roleIds = new Map<DiaryRole, number>();
  for (const type of DIARY_ROLES) {
    const role = (await strapi.db.query(ROLE_UID).findOne({ where: { type }, select: ['id'] })) as { id: number } | null;
    if (!role) throw new errors.ApplicationError(`Нет роли «${type}»: перезапустите сервер, роли школы создаются при запуске`);
    roleIds.set(type, role.id);
  }
  const userService = strapi.plugin('users-permissions').service('user') as {
    add: (values: Record<string, unknown>) => Promise<Account>;
    edit: (id: number, values: Record<string, unknown>) => Promise<Account>;
  };

  /** A login free among the accounts and among those made in this run; an e-mail nobody uses. */
  const newCredentials = async (person: PersonName, ownEmail: string | null | undefined) => {
    const base = loginBase(person);
    const similar = (await strapi.db
      .query(USER_UID)
      .findMany({ where: { username: { $startsWithi: base } }, select: ['username'] })) as Array<{
      username: string;
    }>;
    const taken = new Set(similar.map((account) => account.username.toLowerCase()));
    const email = ownEmail?.trim().toLowerCase() || null;
    const emailFree = async (candidate: string) => (await strapi.db.query(USER_UID).count({ where: { email: { $eqi: candidate } } })) === 0;
    for (;;) {
      const username = firstFreeLogin(base, taken);
      if (email && (await emailFree(email))) return { username, email };
      if (await emailFree(placeholderEmail(username))) return { username, email: placeholderEmail(username) };
      taken.add(username.toLowerCase());
    }
  };

  const issueFor = async (
    kind: DiaryRole,
    record: Person & { email?: string | null },
    uid: typeof STUDENT_UID | typeof GUARDIAN_UID,
  ): Promise<Pick<IssuedLoginSlip, 'username' | 'password' | 'status' | 'userId'>> => {
    const account = record.user;
    if (!account) {
      const password = generateOneTimePassword();
      const { username, email } = await newCredentials(record, record.email);
      const created = await userService.add({
        username,
        email,
        password,
        provider: 'local',
        confirmed: true,
        blocked: false,
        role: roleIds.get(kind),
        mustChangePassword: true,
      });
      // Through the document service: the audit trail records who linked which account.
      await strapi.documents(uid).update({ documentId: record.documentId, data: { user: created.documentId } } as never);
      return { username, password, status: 'created', userId: created.id };
    }
    const roleType = account.role?.type ?? '';
    let status: LoginSlipStatus = 'issued';
    let password: string | null = null;
    if (!DIARY_ROLES.includes(roleType as DiaryRole)) status = 'staff-account';
    else if (account.blocked) status = 'blocked';
    else if (options.reset) {
      password = generateOneTimePassword();
      await userService.edit(account.id, { password, mustChangePassword: true });
      status = 'reset';
    }
    return { username: account.username, password, status, userId: account.id };
  };

  // One transaction: a failure half-way leaves no account whose password nobody has seen.
  const slips = await strapi.db.transaction(async () => {
    const issued: IssuedLoginSlip[] = [];
    const seenGuardians = new Set<number>();
    for (const pupil of pupils) {
      if (include !== 'parents') {
        const slip = await issueFor('pupil', pupil, STUDENT_UID);
        issued.push({ kind: 'pupil', fullName: fullNameOf(pupil), children: [], recordDocumentId: pupil.documentId, ...slip });
      }
      if (include === 'pupils') continue;
      for (const guardian of [...(pupil.guardians ?? [])].sort(byName)) {
        if (seenGuardians.has(guardian.id)) continue;
        seenGuardians.add(guardian.id);
        const children = pupils
          .filter((other) => (other.guardians ?? []).some((candidate) => candidate.id === guardian.id))
          .map(fullNameOf);
        const slip = await issueFor('parent', guardian, GUARDIAN_UID);
        issued.push({ kind: 'parent', fullName: fullNameOf(guardian), children, recordDocumentId: guardian.documentId, ...slip });
      }
    }
    return issued;
  });

  return {
    schoolClass: {
      documentId: schoolClass.documentId,
      name: schoolClass.name,
      yearTitle: schoolClass.academicYear?.title ?? null,
    },
    onDate,
    slips,
  };
};

/** The school's name and address for the slips: `config/school.ts`, `server.url` or `PUBLIC_URL`. */
export const loginSlipsMeta = (strapi: Core.Strapi, issue: LoginSlipIssue): LoginSlipsMeta => ({
  schoolName: getSchoolSettings(strapi).name,
  serverUrl: String(strapi.config.get('server.url', '') || process.env.PUBLIC_URL || 'http://localhost:1337'),
  className: issue.schoolClass.name,
  issuedOn: issue.onDate,
});

export { renderLoginSlipsPdf };

export type LoginSlipService = ReturnType<typeof createLoginSlipService>;

const createLoginSlipService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Issues the slips and renders them in one transaction: if the PDF cannot be made, no account
   * keeps a password that was never printed.
   */
  async issuePdf(options: IssueLoginSlipsOptions): Promise<{ issue: LoginSlipIssue; pdf: Buffer }> {
    return strapi.db.transaction(async () => {
      const issue = await issueLoginSlips(strapi, options);
      const pdf = await renderLoginSlipsPdf(issue.slips, loginSlipsMeta(strapi, issue));
      return { issue, pdf };
    });
  },
});

export default createLoginSlipService;
