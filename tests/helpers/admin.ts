import type { Core } from '@strapi/strapi';
import supertest from 'supertest';

export const ADMIN_TEST_PASSWORD = 'Admin-pass-123';

/**
 * Creates an admin-panel user with one of Strapi's admin roles (super admin by default, or e.g.
 * `strapi-editor`) and logs in; returns the admin JWT for `Authorization: Bearer …`.
 */
export const adminLogin = async (
  strapi: Core.Strapi,
  {
    email,
    roleCode = 'strapi-super-admin',
    firstname = 'Тест',
    lastname = 'Администратор',
  }: { email: string; roleCode?: string; firstname?: string; lastname?: string },
): Promise<string> => {
  const role = await strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  if (!role) throw new Error(`No admin role ${roleCode}`);
  await strapi
    .service('admin::user')
    .create({ email, firstname, lastname, password: ADMIN_TEST_PASSWORD, isActive: true, registrationToken: null, roles: [role.id] });
  const login = await supertest(strapi.server.httpServer).post('/admin/login').send({ email, password: ADMIN_TEST_PASSWORD });
  if (login.status !== 200) throw new Error(`Admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return login.body.data.token as string;
};
