import type { Core } from '@strapi/strapi';
import supertest from 'supertest';

export const ADMIN_TEST_PASSWORD = 'Admin-pass-123';

interface AdminAccount {
  email: string;
  /** One of Strapi's admin roles by code (super admin by default)… */
  roleCode?: string;
  /** …or a role created by the test. */
  roleId?: number;
  firstname?: string;
  lastname?: string;
}

/** Creates an admin-panel user and logs in; returns the admin JWT for `Authorization: Bearer …`. */
export const adminLogin = async (
  strapi: Core.Strapi,
  { email, roleCode = 'strapi-super-admin', roleId, firstname = 'Тест', lastname = 'Администратор' }: AdminAccount,
): Promise<string> => {
  const role = roleId ?? (await strapi.db.query('admin::role').findOne({ where: { code: roleCode } }))?.id;
  if (!role) throw new Error(`No admin role ${roleCode}`);
  await strapi
    .service('admin::user')
    .create({ email, firstname, lastname, password: ADMIN_TEST_PASSWORD, isActive: true, registrationToken: null, roles: [role] });
  const login = await supertest(strapi.server.httpServer).post('/admin/login').send({ email, password: ADMIN_TEST_PASSWORD });
  if (login.status !== 200) throw new Error(`Admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return login.body.data.token as string;
};

/** An admin whose only role holds exactly the given RBAC actions. */
export const adminWithActions = async (strapi: Core.Strapi, email: string, actions: string[]): Promise<string> => {
  const role = await strapi.service('admin::role').create({ name: `Роль ${email}`, description: 'для теста' });
  await strapi.service('admin::role').assignPermissions(
    role.id,
    actions.map((action) => ({ action })),
  );
  return adminLogin(strapi, { email, roleId: role.id, lastname: 'Тестов' });
};
