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
    actions: ['journal.own'],
  },
  {
    code: 'school-deputy-director',
    name: 'Заместитель директора по УВР',
    description: 'Просматривает все журналы, пишет замечания по их ведению, видит архивные пакеты',
    actions: ['journal.read-all', 'journal.remark', 'packages.read', 'fixity.read', 'analytics.read', 'paper-archive.read'],
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
