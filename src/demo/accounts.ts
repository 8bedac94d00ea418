/**
 * Accounts for trying the demo: the admin-panel super admin (created as `strapi admin:create-user`
 * does) and one REST account per school role with known logins. The demo teacher and class teacher
 * are given real journals and a class of the generated school.
 */
import type { Core } from '@strapi/strapi';
import { fullNameOf, patronymicOf, surnameForGender, type Gender } from './names';

/** A staff member's full name from the demo's name lists: surname in the masculine form, gender, name, father's name. */
const demoName = (surname: string, gender: Gender, firstName: string, fatherName: string): string =>
  fullNameOf({ lastName: surnameForGender(surname, gender), firstName, patronymic: patronymicOf(fatherName, gender) });

export const DEMO_ACCOUNTS = [
  { username: 'teacher1', role: 'teacher', fullName: demoName('Смирнов', 'female', 'Анна', 'Сергей') },
  { username: 'classteacher1', role: 'class-teacher', fullName: demoName('Кузнецов', 'female', 'Елена', 'Владимир') },
  { username: 'deputy', role: 'deputy-director', fullName: demoName('Попов', 'female', 'Ольга', 'Николай') },
  { username: 'director', role: 'director', fullName: demoName('Волков', 'male', 'Андрей', 'Михаил') },
  { username: 'secretary', role: 'secretary', fullName: demoName('Соколов', 'female', 'Наталья', 'Иван') },
  { username: 'archivist', role: 'archivist', fullName: demoName('Морозов', 'female', 'Татьяна', 'Пётр') },
  { username: 'methodologist', role: 'methodologist', fullName: demoName('Лебедев', 'female', 'Ирина', 'Алексей') },
] as const;

export interface DemoAccount {
  username: string;
  email: string;
  role: string;
  created: boolean;
  note?: string;
}

interface AdminServices {
  user: {
    count: (where?: Record<string, unknown>) => Promise<number>;
    exists: (where: Record<string, unknown>) => Promise<boolean>;
    create: (data: Record<string, unknown>) => Promise<{ id: number; email: string }>;
  };
  role: { getSuperAdmin: () => Promise<{ id: number } | null> };
}

/**
 * Creates the admin-panel super admin when there is no admin user yet, through the admin services,
 * exactly like `strapi admin:create-user`. Returns whether it was created.
 */
export const ensureSuperAdmin = async (
  strapi: Core.Strapi,
  { email, password, firstname, lastname }: { email: string; password: string; firstname: string; lastname?: string },
): Promise<{ created: boolean; email: string; existing: number }> => {
  const admin = (strapi as unknown as { admin: { services: AdminServices } }).admin.services;
  const existing = await admin.user.count();
  if (existing > 0) return { created: false, email, existing };
  const superAdminRole = await admin.role.getSuperAdmin();
  if (!superAdminRole) throw new Error('Роль Super Admin не найдена');
  await admin.user.create({
    email: email.toLowerCase(),
    firstname,
    lastname,
    isActive: true,
    roles: [superAdminRole.id],
    password,
    registrationToken: null,
  });
  return { created: true, email: email.toLowerCase(), existing };
};

type Row = { id: number; documentId: string; [field: string]: unknown };

/**
 * teacher1 joins the journals of the generated 5А mathematics teacher (as a second teacher);
 * classteacher1 becomes the class teacher of 5А (the former one keeps teaching, as a teacher).
 */
const giveWork = async (strapi: Core.Strapi, accounts: Map<string, number>): Promise<Map<string, string>> => {
  const notes = new Map<string, string>();
  const year = (await strapi.db.query('api::academic-year.academic-year').findOne({ orderBy: { startDate: 'desc' } })) as Row | null;
  if (!year) return notes;
  const classes = (await strapi.db.query('api::school-class.school-class').findMany({
    where: { academicYear: { id: year.id } },
    orderBy: [{ grade: 'asc' }, { letter: 'asc' }],
    populate: { classTeacher: { select: ['id'] } },
  })) as Row[];
  const target = classes.find((schoolClass) => schoolClass.grade === 5) ?? classes[0];
  if (!target) return notes;
  const journals = strapi.documents('api::journal.journal');

  const teacherId = accounts.get('teacher1');
  if (teacherId !== undefined) {
    const mathJournal = (await strapi.db.query('api::journal.journal').findOne({
      where: { schoolClass: { id: target.id }, kind: 'classroom', subject: { name: { $in: ['Математика', 'Алгебра'] } } },
      populate: { teachers: { select: ['id'] } },
    })) as Row | null;
    const colleague = (mathJournal?.teachers as Row[] | undefined)?.[0];
    if (colleague) {
      const taught = (await strapi.db.query('api::journal.journal').findMany({
        where: { academicYear: { id: year.id }, teachers: { id: colleague.id } },
        select: ['documentId', 'title'],
      })) as Row[];
      for (const journal of taught) {
        await journals.update({ documentId: journal.documentId, data: { teachers: { connect: [{ id: teacherId }] } } as never });
      }
      notes.set('teacher1', `второй учитель в ${taught.length} журналах (${String(mathJournal?.title ?? '')} и др.)`);
    }
  }

  const classTeacherId = accounts.get('classteacher1');
  if (classTeacherId !== undefined) {
    const former = (target.classTeacher as Row | null)?.id;
    await strapi.documents('api::school-class.school-class').update({
      documentId: target.documentId,
      data: { classTeacher: { id: classTeacherId } } as never,
    });
    if (former !== undefined) {
      const stillLeads = await strapi.db.query('api::school-class.school-class').count({ where: { classTeacher: { id: former } } });
      const teacherRole = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'teacher' } });
      if (stillLeads === 0 && teacherRole) {
        await strapi.db.query('plugin::users-permissions.user').update({ where: { id: former }, data: { role: teacherRole.id } });
      }
    }
    notes.set('classteacher1', `классный руководитель ${String(target.name)}`);
  }
  return notes;
};

/** Creates the demo REST accounts that do not exist yet; returns every demo account and what was done. */
export const ensureDemoAccounts = async (strapi: Core.Strapi, password: string): Promise<DemoAccount[]> => {
  const users = strapi.plugin('users-permissions').service('user');
  const result: DemoAccount[] = [];
  const created = new Map<string, number>();
  for (const { username, role, fullName } of DEMO_ACCOUNTS) {
    const email = `${username}@school.local`;
    const existing = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { $or: [{ username }, { email }] } });
    if (existing) {
      result.push({ username, email, role, created: false });
      continue;
    }
    const roleRow = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: role } });
    if (!roleRow) throw new Error(`Нет роли ${role}`);
    const user = (await users.add({
      username,
      fullName,
      email,
      password,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: roleRow.id,
    })) as {
      id: number;
    };
    created.set(username, user.id);
    result.push({ username, email, role, created: true });
  }
  if (created.size > 0) {
    const notes = await giveWork(strapi, created);
    for (const account of result) account.note = notes.get(account.username);
  }
  return result;
};

/**
 * Admin-panel accounts of demo staff, with the e-mail of their REST account: the teacher opens their
 * journals in «Журнал», the class teacher their class's pupils in «Ученик», the deputy director sees every journal and the analytics, the archivist the
 * archive, the secretary the pupils' documents («Документы»). Created once, with the staff roles of the records-archive plugin.
 */
export const STAFF_ADMIN_ACCOUNTS = [
  { username: 'teacher1', roleCode: 'school-teacher', firstname: 'Учитель', lastname: 'Демо' },
  { username: 'classteacher1', roleCode: 'school-teacher', firstname: 'Классный руководитель', lastname: 'Демо' },
  { username: 'deputy', roleCode: 'school-deputy-director', firstname: 'Заместитель директора', lastname: 'Демо' },
  { username: 'archivist', roleCode: 'school-archivist', firstname: 'Архивариус', lastname: 'Демо' },
  { username: 'secretary', roleCode: 'school-secretary', firstname: 'Секретарь', lastname: 'Демо' },
] as const;

export const ensureStaffAdminAccounts = async (
  strapi: Core.Strapi,
  password: string,
): Promise<Array<{ email: string; role: string; created: boolean }>> => {
  const admin = (strapi as unknown as { admin: { services: AdminServices } }).admin.services;
  const result: Array<{ email: string; role: string; created: boolean }> = [];
  for (const { username, roleCode, firstname, lastname } of STAFF_ADMIN_ACCOUNTS) {
    const email = `${username}@school.local`;
    const role = (await strapi.db.query('admin::role').findOne({ where: { code: roleCode } })) as { id: number; name: string } | null;
    if (!role) throw new Error(`Нет роли админ-панели ${roleCode}`);
    if (await admin.user.exists({ email })) {
      result.push({ email, role: role.name, created: false });
      continue;
    }
    await admin.user.create({ email, firstname, lastname, isActive: true, roles: [role.id], password, registrationToken: null });
    result.push({ email, role: role.name, created: true });
  }
  return result;
};
