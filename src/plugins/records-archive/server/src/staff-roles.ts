import type { Core } from '@strapi/strapi';
import { pluginPermission, type PluginAction } from './constants';

/**
 * Admin-panel roles of school staff, created once with their starting permissions; a school may
 * change them afterwards in Settings → Roles (we never overwrite a role that exists).
 */
export const STAFF_ADMIN_ROLES: ReadonlyArray<{ code: string; name: string; description: string; actions: PluginAction[] }> = [
  {
    code: 'school-teacher',
    name: 'Учитель',
    description: 'Заполняет свои журналы: отметки, посещаемость, темы уроков и домашние задания',
    actions: ['journal.own', 'pupils.read'],
  },
  {
    code: 'school-deputy-director',
    name: 'Заместитель директора по УВР',
    description: 'Просматривает все журналы, пишет замечания по их ведению, видит архивные пакеты',
    actions: [
      'journal.read-all',
      'journal.remark',
      'packages.read',
      'fixity.read',
      'analytics.read',
      'paper-archive.read',
      'documents.read',
      'pupils.read',
    ],
  },
  {
    code: 'school-director',
    name: 'Директор',
    description: 'Общий контроль ведения и хранения журналов: сводка контроля, журналы, архив, аналитика; утверждает акты об уничтожении',
    actions: [
      'control.summary',
      'journal.read-all',
      'packages.read',
      'fixity.read',
      'backup.read',
      'disposition.read',
      'disposition.approve',
      'legal-hold.manage',
      'analytics.read',
      'paper-archive.read',
      'documents.read',
      'documents.issue',
      'pupils.read',
    ],
  },
  {
    code: 'school-secretary',
    name: 'Секретарь учебной части',
    description: 'Личные дела и результаты по годам, личные карты, регистрация аттестатов, печатные формы журналов и сводных ведомостей',
    actions: ['documents.read', 'documents.issue'],
  },
  {
    code: 'school-archivist',
    name: 'Администратор системы (архивариус)',
    description: 'Закрытие периодов, архивные пакеты, резервные копии, проверки целостности, сроки хранения',
    actions: [
      'journal.read-all',
      'packages.read',
      'packages.download',
      'periods.close',
      'school-years.archive',
      'fixity.read',
      'fixity.run',
      'backup.read',
      'backup.create',
      'backup.download',
      'disposition.read',
      'disposition.draft',
      'disposition.execute',
      'retention.history',
      'analytics.read',
      'paper-archive.read',
      'paper-archive.manage',
      'paper-archive.sign',
    ],
  },
];

/**
 * Actions added to the staff roles after they were first created: granted once to the roles that
 * already exist (a role created afterwards has them from `STAFF_ADMIN_ROLES`); each grant is
 * remembered in the core store, so a permission the school takes away later stays taken away.
 */
export const LATER_GRANTS: ReadonlyArray<{ key: string; actions: Record<string, PluginAction[]> }> = [
  {
    key: 'paper-archive',
    actions: {
      'school-deputy-director': ['paper-archive.read'],
      'school-archivist': ['paper-archive.read', 'paper-archive.manage', 'paper-archive.sign'],
    },
  },
  {
    key: 'documents',
    actions: {
      'school-deputy-director': ['documents.read'],
      'school-director': ['documents.read', 'documents.issue'],
    },
  },
  {
    key: 'pupils',
    actions: {
      'school-teacher': ['pupils.read'],
      'school-deputy-director': ['pupils.read'],
      'school-director': ['pupils.read'],
    },
  },
];

const GRANTS_STORE = { type: 'core', name: 'school_records' } as const;
const GRANTS_KEY = 'records_archive_staff_role_grants';

interface AdminRoleService {
  createRolesIfNoneExist(): Promise<void>;
  create(attributes: { name: string; code: string; description: string }): Promise<{ id: number }>;
  addPermissions(
    roleId: number,
    permissions: Array<{ action: string; subject: null; properties: object; conditions: string[] }>,
  ): Promise<unknown>;
}

export const ensureStaffAdminRoles = async (strapi: Core.Strapi): Promise<void> => {
  const roles = strapi.service('admin::role') as unknown as AdminRoleService;
  // Strapi creates its own roles (Super Admin, Editor, Author) only while there are none: first theirs.
  await roles.createRolesIfNoneExist();
  await grantLaterActions(strapi, roles);
  for (const staffRole of STAFF_ADMIN_ROLES) {
    const existing = await strapi.db.query('admin::role').findOne({ where: { code: staffRole.code } });
    if (existing) continue;
    const role = await roles.create({ name: staffRole.name, code: staffRole.code, description: staffRole.description });
    await roles.addPermissions(
      role.id,
      staffRole.actions.map((action) => ({ action: pluginPermission(action), subject: null, properties: {}, conditions: [] })),
    );
  }
};

/** Applies each of `LATER_GRANTS` once to the staff roles that exist, adding only what a role lacks. */
const grantLaterActions = async (strapi: Core.Strapi, roles: AdminRoleService): Promise<void> => {
  const store = strapi.store(GRANTS_STORE);
  const applied = new Set(((await store.get({ key: GRANTS_KEY })) as string[] | null) ?? []);
  const pending = LATER_GRANTS.filter((grant) => !applied.has(grant.key));
  if (pending.length === 0) return;
  for (const grant of pending) {
    for (const [code, actions] of Object.entries(grant.actions)) {
      const role = (await strapi.db.query('admin::role').findOne({ where: { code } })) as { id: number } | null;
      if (!role) continue;
      const held = new Set(
        (
          (await strapi.db.query('admin::permission').findMany({ where: { role: { id: role.id } }, select: ['action'] })) as Array<{
            action: string;
          }>
        ).map((permission) => permission.action),
      );
      const missing = actions.map(pluginPermission).filter((action) => !held.has(action));
      if (missing.length > 0) {
        await roles.addPermissions(
          role.id,
          missing.map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
        );
      }
    }
    applied.add(grant.key);
  }
  await store.set({ key: GRANTS_KEY, value: [...applied] });
};
