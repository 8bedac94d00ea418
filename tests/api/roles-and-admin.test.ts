import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { adminLogin } from '../helpers/admin';
import { syncSchoolRoles } from '../../src/access/sync-roles';
import { SCHOOL_ROLES } from '../../src/access/role-permissions';
import { apiAs, bootStrapi, createAccount, stopStrapi } from '../helpers/strapi';
import { buildMiniSchool, teach, type MiniSchool } from '../helpers/school-fixture';

let strapi: Core.Strapi;
let school: MiniSchool;

beforeAll(async () => {
  strapi = await bootStrapi();
  school = await buildMiniSchool(strapi);
});
afterAll(() => stopStrapi(strapi));

const permissionRows = () => strapi.db.query('plugin::users-permissions.permission').count({});

describe('school roles', () => {
  it('exist after start-up with Russian names', async () => {
    const roles = await strapi.db.query('plugin::users-permissions.role').findMany({});
    const byType = Object.fromEntries(roles.map((role: { type: string; name: string }) => [role.type, role.name]));
    for (const type of [
      'teacher',
      'class-teacher',
      'deputy-director',
      'director',
      'secretary',
      'archivist',
      'methodologist',
      'parent',
      'pupil',
      'public',
    ]) {
      expect(byType[type]).toBeDefined();
    }
    expect(byType.teacher).toBe('Учитель');
  });

  it('are brought to the declared state idempotently, and a hand-made grant on our records is taken back', async () => {
    const before = await permissionRows();
    await syncSchoolRoles(strapi);
    expect(await permissionRows()).toBe(before);
    const parent = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'parent' } });
    await strapi.db.query('plugin::users-permissions.permission').create({ data: { action: 'api::mark.mark.find', role: parent.id } });
    await syncSchoolRoles(strapi);
    expect(await permissionRows()).toBe(before);
    expect(
      await strapi.db
        .query('plugin::users-permissions.permission')
        .count({ where: { action: 'api::mark.mark.find', role: { id: parent.id } } }),
    ).toBe(0);
  });

  it('give parents, pupils and the public no record type directly: only the diary, their child’s trend, their message threads and the regulation', () => {
    // The message routes are custom actions that answer only a thread's participants, not record-type CRUD.
    const messages = ['threads', 'thread', 'startThread', 'post'].map((action) => `api::message.message.${action}`);
    for (const type of ['parent', 'pupil', 'public']) {
      const actions = SCHOOL_ROLES.find((role) => role.type === type)?.actions ?? [];
      const own = type === 'public' ? [] : ['api::analytics.analytics.pupilTrend', ...messages];
      expect(actions.filter((action) => !/^api::(diary|regulation)\./.test(action) && !own.includes(action))).toEqual([]);
    }
  });
});

describe('accounts', () => {
  it('cannot be self-registered: the school issues them', async () => {
    const response = await apiAs(strapi)
      .raw.post('/api/auth/local/register')
      .send({ username: 'intruder', email: 'intruder@example.ru', password: 'Secret-pass-123' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await strapi.db.query('plugin::users-permissions.user').count({ where: { username: 'intruder' } })).toBe(0);
  });
});

describe('coarse access by role', () => {
  const markData = () => ({
    kind: 'current',
    journal: school.mathJournal.documentId,
    lesson: school.lessons[0].documentId,
    student: school.pupils5a[0].documentId,
    value: '5',
  });

  it.each([
    ['public', undefined, 'get', '/api/students', 403],
    ['public', undefined, 'get', '/api/marks', 403],
    ['parent', 'parent', 'get', '/api/marks', 403],
    ['pupil', 'pupil', 'get', '/api/students', 403],
    ['methodologist', 'methodologist', 'get', '/api/marks', 403],
    ['methodologist', 'methodologist', 'get', '/api/lessons', 200],
    ['secretary', 'secretary', 'post', '/api/marks', 403],
    ['director', 'director', 'post', '/api/marks', 403],
    ['teacher', 'teacher', 'post', '/api/subjects', 403],
    ['teacher', 'teacher', 'post', '/api/students', 403],
    ['teacher', 'teacher', 'get', '/api/marks', 200],
    ['archivist', 'archivist', 'get', '/api/marks', 200],
  ] as const)('%s: %s %s → %i', async (label, roleType, method, url, status) => {
    const jwt = roleType ? (await createAccount(strapi, roleType, `${label}-${method}-${url.replace(/\W/g, '')}`)).jwt : undefined;
    const api = apiAs(strapi, jwt);
    const response = method === 'get' ? await api.get(url) : await api.post(url, url === '/api/marks' ? markData() : { name: 'X' });
    expect(response.status).toBe(status);
  });

  it('lets a teacher enter a mark only in a journal they teach, and a pupil read their own account', async () => {
    const account = await createAccount(strapi, 'teacher', 'teacher-marks');
    const teacher = apiAs(strapi, account.jwt);
    expect((await teacher.post('/api/marks', markData())).status).toBe(403);
    await teach(strapi, school.mathJournal.documentId, account);
    expect((await teacher.post('/api/marks', markData())).status).toBe(201);
    const pupil = apiAs(strapi, (await createAccount(strapi, 'pupil', 'pupil-me')).jwt);
    const me = await pupil.get('/api/users/me');
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('pupil-me');
  });
});

describe('the admin panel', () => {
  let adminToken: string;

  beforeAll(async () => {
    adminToken = await adminLogin(strapi, { email: 'admin@school.test' });
  });

  const contentManager = (path: string) =>
    supertest(strapi.server.httpServer).post(`/content-manager/collection-types/${path}`).set('Authorization', `Bearer ${adminToken}`);

  it('refuses an off-scale mark with the same field message as the REST API, and stores nothing', async () => {
    const before = await strapi.db.query('api::mark.mark').count({});
    const response = await contentManager('api::mark.mark').send({
      kind: 'current',
      value: '7',
      journal: { connect: [{ documentId: school.mathJournal.documentId }] },
      lesson: { connect: [{ documentId: school.lessons[1].documentId }] },
      student: { connect: [{ documentId: school.pupils5a[1].documentId }] },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0]).toMatchObject({ path: ['value'] });
    expect(response.body.error.message).toMatch(/не по шкале предмета «Математика»/);
    expect(await strapi.db.query('api::mark.mark').count({})).toBe(before);
  });

  it('stores a good mark entered in the admin panel with its derived fields', async () => {
    const response = await contentManager('api::mark.mark').send({
      kind: 'current',
      value: '4',
      journal: { connect: [{ documentId: school.mathJournal.documentId }] },
      lesson: { connect: [{ documentId: school.lessons[1].documentId }] },
      student: { connect: [{ documentId: school.pupils5a[1].documentId }] },
    });
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({ value: '4', numericValue: 4, date: '2025-09-03' });
  });

  it('shows the retention rules the regulations state, seeded once', async () => {
    const rules = await strapi.db.query('plugin::records-archive.retention-rule').findMany({});
    expect(rules.length).toBeGreaterThanOrEqual(9);
    expect(rules.find((rule: { recordType: string }) => rule.recordType === 'personal-file')).toMatchObject({
      periodYears: 3,
      countsFrom: 'pupil-leaves',
    });
  });
});
