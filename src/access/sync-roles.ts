import type { Core } from '@strapi/strapi';
import { actionsOfRole, SCHOOL_ROLES } from './role-permissions';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

/** Permissions on our own record types (api::…) are managed in code; others are left to the school. */
const isManaged = (action: string): boolean => action.startsWith('api::');

/**
 * Creates the school's roles and brings their permissions to what `role-permissions.ts` says.
 * Idempotent: safe on every start and on every instance.
 */
export const syncSchoolRoles = async (strapi: Core.Strapi): Promise<void> => {
  const roles = strapi.db.query(ROLE_UID);
  const permissions = strapi.db.query(PERMISSION_UID);
  for (const definition of SCHOOL_ROLES) {
    let role = await roles.findOne({ where: { type: definition.type } });
    if (!role) {
      role = await roles.create({ data: { type: definition.type, name: definition.name, description: definition.description } });
    }
    const granted = (await permissions.findMany({ where: { role: { id: role.id } }, select: ['id', 'action'] })) as Array<{
      id: number;
      action: string;
    }>;
    const grantedActions = new Set(granted.map((permission) => permission.action));
    const wanted = new Set(actionsOfRole(definition));
    for (const action of wanted) {
      if (!grantedActions.has(action)) await permissions.create({ data: { action, role: role.id } });
    }
    const stale = granted.filter((permission) => isManaged(permission.action) && !wanted.has(permission.action));
    if (stale.length > 0) await permissions.deleteMany({ where: { id: { $in: stale.map((permission) => permission.id) } } });
  }
};

/**
 * Accounts are issued by the school (login slips), never self-registered: anyone could otherwise
 * sign up through `/api/auth/local/register`. Kept off at every start.
 */
export const closeSelfRegistration = async (strapi: Core.Strapi): Promise<void> => {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = (await store.get({ key: 'advanced' })) as Record<string, unknown> | null;
  if (advanced && advanced.allow_register !== false) await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
};
