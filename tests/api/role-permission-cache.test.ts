import type { Core } from '@strapi/strapi';
import { ROLE_PERMISSIONS_TTL_MS } from '../../src/access/role-permission-cache';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';

/**
 * A role's permissions are read once per few seconds, not on every request
 * (src/access/role-permission-cache.ts); a change of the role still takes effect.
 */

const ROLE = 'plugin::users-permissions.role';
const PERMISSION = 'plugin::users-permissions.permission';
/** A route teachers are not given: the number of accounts. */
const ACTION = 'plugin::users-permissions.user.count';
const ROUTE = '/api/users/count';

let strapi: Core.Strapi;
let teacher: Api;
let otherTeacher: Api;
let teacherRoleId: number;

type Row = { id: number };

const grant = async () => (await strapi.db.query(PERMISSION).create({ data: { action: ACTION, role: teacherRoleId } })) as Row;
const revoke = (permission: Row) => strapi.db.query(PERMISSION).delete({ where: { id: permission.id } });

/** The SQL statements that read `up_permissions` while `work` runs. */
const permissionReadsDuring = async (work: () => Promise<unknown>): Promise<number> => {
  let reads = 0;
  const count = (query: { sql: string }) => {
    if (/from [`"]up_permissions[`"]/.test(query.sql)) reads += 1;
  };
  strapi.db.connection.on('query', count);
  try {
    await work();
  } finally {
    strapi.db.connection.removeListener('query', count);
  }
  return reads;
};

beforeAll(async () => {
  strapi = await bootStrapi();
  teacher = apiAs(strapi, (await createAccount(strapi, 'teacher', 'teacher.cache')).jwt);
  otherTeacher = apiAs(strapi, (await createAccount(strapi, 'teacher', 'teacher.cache2')).jwt);
  teacherRoleId = ((await strapi.db.query(ROLE).findOne({ where: { type: 'teacher' } })) as Row).id;
});
afterAll(() => stopStrapi(strapi));

describe('the role permission cache', () => {
  it('reads a role’s permissions once for many requests of its accounts', async () => {
    expect((await teacher.get(ROUTE)).status).toBe(403);
    const reads = await permissionReadsDuring(async () => {
      for (let i = 0; i < 5; i += 1) {
        expect((await teacher.get(ROUTE)).status).toBe(403);
        expect((await otherTeacher.get(ROUTE)).status).toBe(403);
      }
    });
    expect(reads).toBe(0);
  });

  it('opens a route at the next request once the role is granted it, and closes it again when revoked', async () => {
    expect((await teacher.get(ROUTE)).status).toBe(403);
    const permission = await grant();
    try {
      expect((await teacher.get(ROUTE)).status).toBe(200);
      expect((await otherTeacher.get(ROUTE)).status).toBe(200);
    } finally {
      await revoke(permission);
    }
    expect((await teacher.get(ROUTE)).status).toBe(403);
    expect((await otherTeacher.get(ROUTE)).status).toBe(403);
  });

  it('sees a change made past this instance (another instance of the school) once the cached permissions expire', async () => {
    const permission = await grant();
    expect((await teacher.get(ROUTE)).status).toBe(200);
    // Another instance's write: this instance's query engine never sees it.
    await strapi.db.connection('up_permissions_role_lnk').where({ permission_id: permission.id }).delete();
    expect((await teacher.get(ROUTE)).status).toBe(200);
    const now = Date.now();
    const later = jest.spyOn(Date, 'now').mockImplementation(() => now + ROLE_PERMISSIONS_TTL_MS + 1_000);
    try {
      expect((await teacher.get(ROUTE)).status).toBe(403);
    } finally {
      later.mockRestore();
      await revoke(permission);
    }
  });
});
